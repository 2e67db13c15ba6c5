package org.retailhub.routes.payment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where the provider's daily settlement files arrive ({@code settlement-<provider>-<YYYY-MM-DD>.csv}).
 * Reconciled files move to {@code .done}, unreadable ones to {@code .failed} beside them.
 *
 * @param inbox       folder the file route watches
 * @param maxFileSize a larger file is not read but moved to {@code .failed}
 */
@Validated
@ConfigurationProperties("hub.payment.settlement")
public record SettlementProperties(@NotBlank @DefaultValue(".hub-data/settlements") String inbox,
                                   @NotNull @DefaultValue("20MB") DataSize maxFileSize) {
}
