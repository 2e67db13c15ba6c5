package org.retailhub.domain.order;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** One line of an incoming order, in canonical form: which article and how many. */
public record OrderLineRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9-]{1,32}", message = "must be 1-32 characters A-Z, 0-9 or '-'") String sku,
        @Min(1) @Max(999) int quantity) {
}
