package org.retailhub.app.consistency;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.retailhub.domain.consistency.Island;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The legacy islands' databases ({@code hub.islands.<pos|erp|crm>.url|username|password}): the hub writes there
 * as an integration user of that system; the embedded default creates them in its own PostgreSQL.
 *
 * @param simulatorPause pause between two writes of each island's simulator (tills, ERP clerks, CRM agents);
 *                       0 = simulators off
 */
@Validated
@ConfigurationProperties("hub.islands")
public record IslandsProperties(@Valid @NotNull Login pos, @Valid @NotNull Login erp, @Valid @NotNull Login crm,
                                @DefaultValue("0s") Duration simulatorPause) {

    /** How the hub logs into one island's database. */
    public record Login(@NotBlank String url, @NotBlank String username, String password) {
    }

    public Map<Island, Login> all() {
        return Map.of(Island.POS, pos, Island.ERP, erp, Island.CRM, crm);
    }
}
