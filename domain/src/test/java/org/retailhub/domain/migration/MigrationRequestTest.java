package org.retailhub.domain.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.consistency.Island;

/** What an operator may ask for, read from a form or an API call, and what is refused with its reason. */
class MigrationRequestTest {

    @Test
    void listsInAnyCaseAreRead() {
        MigrationRequest request = MigrationRequest.parse(" pos, crm ", "loyalty-accounts,SALES", "masked_copy", 500, true);
        assertThat(request.sources()).containsExactlyInAnyOrder(Island.POS, Island.CRM);
        assertThat(request.entities()).containsExactly(MigrationEntity.LOYALTY_ACCOUNTS, MigrationEntity.SALES);
        assertThat(request.target()).isEqualTo(MigrationTarget.MASKED_COPY);
        assertThat(request.entitiesText()).isEqualTo("LOYALTY_ACCOUNTS,SALES");
    }

    @Test
    void anEntityOutsideTheSourcesATargetAsSourceOrAnImpossibleChunkIsRefused() {
        assertThatThrownBy(() -> MigrationRequest.parse("POS", "LOYALTY_ACCOUNTS", "HUB", 100, false)).hasMessageContaining("kept by CRM");
        assertThatThrownBy(() -> MigrationRequest.parse("HUB,POS", "SALES", "HUB", 100, false)).hasMessageContaining("a target, not a source");
        assertThatThrownBy(() -> MigrationRequest.parse("POS", "SALES", "HUB", 0, false)).hasMessageContaining("chunk size");
        assertThatThrownBy(() -> MigrationRequest.parse("POS", "", "HUB", 10, false)).hasMessageContaining("missing");
        assertThatThrownBy(() -> MigrationRequest.parse("POS", "CUSTOMERS", "HUB", 10, false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new MigrationRequest(java.util.Set.of(Island.POS), List.of(MigrationEntity.SALES), MigrationTarget.HUB, 50_000, false).chunkSize())
                .isEqualTo(MigrationRequest.MAX_CHUNK_SIZE);
    }
}
