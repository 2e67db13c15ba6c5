package org.retailhub.routes.payment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.retailhub.routes.redelivery.Redelivery;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where the provider's daily settlement files arrive ({@code settlement-<provider>-<YYYY-MM-DD>.csv}).
 * Reconciled files move to {@code .done}, refused ones to {@code .failed} beside them, with the reason in
 * {@code <file>.reason}.
 *
 * @param inbox       folder the file route watches
 * @param maxFileSize a larger file is not read but refused
 * @param settleTime  a file is read once it has not changed for this long
 * @param retry       how a reconciliation that failed for a reason other than the file (database down) is tried again;
 *                    by default until it succeeds (every 1 s, up to 30 s apart)
 */
@Validated
@ConfigurationProperties("hub.payment.settlement")
public record SettlementProperties(@NotBlank @DefaultValue(".hub-data/settlements") String inbox,
                                   @NotNull @DefaultValue("20MB") DataSize maxFileSize,
                                   @NotNull @DefaultValue("500ms") Duration settleTime,
                                   @Valid Redelivery retry) {

    public SettlementProperties {
        // a file that failed for another reason than itself would move to .failed once the retries ran out: by default
        // it is retried until the reconciliation succeeds
        retry = retry == null ? new Redelivery(-1, Duration.ofSeconds(1), Duration.ofSeconds(30)) : retry;
    }
}
