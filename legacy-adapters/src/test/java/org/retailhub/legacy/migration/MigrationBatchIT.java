package org.retailhub.legacy.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.migration.EntityOutcome;
import org.retailhub.domain.migration.MigrationEntity;
import org.retailhub.domain.migration.MigrationReport;
import org.retailhub.domain.migration.MigrationRequest;
import org.retailhub.domain.migration.MigrationRuns;
import org.retailhub.domain.migration.MigrationTarget;
import org.retailhub.domain.migration.Reject;
import org.retailhub.domain.migration.SourceUnavailableException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The migration's batch against real databases: a generated history with planted defects (600 loyalty accounts, 3,000
 * sale lines) is loaded, refused rows land in the quarantine under the rule that was planted, counts and checksums
 * agree, a masked copy holds no clear personal value, a fixed row loads on retry, and a job cut in the middle goes on
 * from its last committed chunk without losing or repeating a row.
 */
class MigrationBatchIT {

    private static final int ACCOUNTS = 600;
    private static final int SALES = 3_000;
    private static final List<MigrationEntity> BOTH = List.of(MigrationEntity.LOYALTY_ACCOUNTS, MigrationEntity.SALES);

    private static MigrationDatabases databases;
    private static MigrationBatch batch;
    private static MigrationRuns runs;
    private LegacyHistoryGenerator.Planted planted;

    @BeforeAll
    static void start() throws Exception {
        databases = new MigrationDatabases();
        batch = databases.batch();
        runs = new MigrationRuns(databases.jdbc(databases.hub));
    }

    @AfterAll
    static void stop() throws Exception {
        databases.close();
    }

    @BeforeEach
    void freshHistory() {
        planted = new LegacyHistoryGenerator(42).generate(databases.pos, databases.crm, ACCOUNTS, SALES);
    }

    private static MigrationRequest request(MigrationTarget target, int chunk, boolean dryRun) {
        return new MigrationRequest(Set.of(Island.POS, Island.CRM), BOTH, target, chunk, dryRun);
    }

    private static String open(MigrationRequest request) {
        String runId = UUID.randomUUID().toString();
        runs.open(runId, request);
        return runId;
    }

    private Map<String, Long> refusedAsPlanted(MigrationEntity entity) {
        Map<String, Long> expected = new HashMap<>(planted.defects().get(entity));
        expected.remove(LegacyHistoryGenerator.REPAIRABLE);
        return expected;
    }

    @Test
    void everyRowIsLoadedOnceOrQuarantinedUnderTheRuleItBreaks() {
        MigrationRequest request = request(MigrationTarget.HUB, 250, false);
        String runId = open(request);
        for (MigrationEntity entity : BOTH) {
            // as a process step calls it: inside the engine's transaction on the hub's database
            new TransactionTemplate(databases.transactions).executeWithoutResult(tx -> batch.load(runId, entity, request, 1));
            EntityOutcome outcome = batch.validate(runId, entity, request);

            assertThat(outcome.problems()).as(entity.name()).isEmpty();
            assertThat(outcome.sourceRows()).isEqualTo(planted.rows().get(entity));
            assertThat(outcome.rejectsByRule()).as(entity.name()).isEqualTo(refusedAsPlanted(entity));
            assertThat(outcome.loaded()).isEqualTo(planted.rows().get(entity) - planted.refused(entity)).isEqualTo(outcome.targetRows());
        }
        JdbcTemplate hub = databases.jdbc(databases.hub);
        assertThat(planted.defects(MigrationEntity.LOYALTY_ACCOUNTS, LegacyHistoryGenerator.REPAIRABLE)).isPositive();
        assertThat(hub.queryForObject("select count(*) from hub.migrated_loyalty_account where run_id = ? and holder_name like '%Müller-%'",
                Long.class, runId)).isEqualTo(planted.defects(MigrationEntity.LOYALTY_ACCOUNTS, LegacyHistoryGenerator.REPAIRABLE));
        assertThat(hub.queryForObject("select count(*) from hub.migrated_loyalty_account where run_id = ? and holder_name like '%Ã%'",
                Long.class, runId)).isZero();
        assertThat(hub.queryForList("select reason from hub.migration_quarantine where run_id = ? and rule = ?", String.class, runId,
                Reject.ORPHAN)).anyMatch(r -> r.contains("PLU 49")).anyMatch(r -> r.contains("no contact"));
    }

    @Test
    void theMaskedCopyHoldsNoClearPersonalValueAndItsCardsStillJoin() {
        MigrationRequest request = request(MigrationTarget.MASKED_COPY, 500, false);
        String runId = open(request);
        List<EntityOutcome> outcomes = BOTH.stream().map(entity -> {
            batch.load(runId, entity, request, 1);
            return batch.validate(runId, entity, request);
        }).toList();
        outcomes.forEach(o -> assertThat(o.problems()).isEmpty());
        MigrationReport report = new MigrationReport(runId, request, "COMPLETED", runs.startedAt(runId), java.time.Instant.now(), outcomes);
        runs.finish(report);

        JdbcTemplate hub = databases.jdbc(databases.hub);
        JdbcTemplate crm = databases.jdbc(databases.crm);
        String masked = String.join("\n", hub.queryForList("""
                select concat_ws('|', customer_key, card_no, holder_name, email, phone, postcode)
                  from masked_copy.migrated_loyalty_account where run_id = ?""", String.class, runId))
                + String.join("\n", hub.queryForList("select coalesce(loyalty_card, '') from masked_copy.migrated_sale where run_id = ?", String.class, runId))
                + String.join("\n", hub.queryForList("select payload || reason from hub.migration_quarantine where run_id = ?", String.class, runId))
                + report.toMarkdown() + report.toJson();
        List<Map<String, Object>> clear = crm.queryForList("select card_no, holder_name, email, phone from loyalty_account");
        assertThat(clear).hasSize(ACCOUNTS);
        for (Map<String, Object> row : clear) {
            for (Object value : row.values()) {
                if (value != null) {
                    assertThat(masked).as("a clear value reached the masked copy or its report")
                            .doesNotContain(value.toString()).doesNotContain(value.toString().replaceAll("\\s", ""));
                }
            }
            String holder = LoyaltyAccountTransformation.TextRepair.repaired((String) row.get("holder_name"));
            if (holder != null) {
                String canonical = LoyaltyAccountTransformation.firstNameFirst(holder);
                assertThat(masked).doesNotContain(canonical).doesNotContain(canonical.substring(canonical.lastIndexOf(' ') + 1));
            }
        }
        // per row: postcodes and customer numbers are short, a masked one may equal another row's clear value by chance, never its own
        assertThat(hub.queryForObject("""
                select count(*) from masked_copy.migrated_loyalty_account m where m.run_id = ?
                   and exists (select 1 from hub.migrated_loyalty_account c where c.source_key = m.source_key
                               and (c.postcode = m.postcode or c.customer_key = m.customer_key))""", Long.class, runId)).isZero();
        assertThat(hub.queryForList("select card_no from masked_copy.migrated_loyalty_account where run_id = ?", String.class, runId))
                .allMatch(card -> card.matches("\\d{16}"));
        assertThat(hub.queryForList("select email from masked_copy.migrated_loyalty_account where run_id = ? and email is not null", String.class, runId))
                .allMatch(email -> email.matches("user\\.[0-9a-f]{12}@example\\.(com|org|net)"));
        assertThat(hub.queryForList("select phone from masked_copy.migrated_loyalty_account where run_id = ?", String.class, runId))
                .allMatch(phone -> phone.matches("\\+49\\d{9}"));
        // the same card masks to the same digits in both tables: sales still find their account
        assertThat(hub.queryForObject("""
                select count(*) from masked_copy.migrated_sale s join masked_copy.migrated_loyalty_account a on a.card_no = s.loyalty_card
                 where s.run_id = ? and a.run_id = ?""", Long.class, runId, runId)).isPositive().isEqualTo(clearJoins());
    }

    @Test
    void theCrmContactsBecomeCanonicalCustomersAndTheirMaskedCopyHoldsNoClearPersonalValue() {
        MigrationEntity customers = MigrationEntity.CUSTOMERS;
        JdbcTemplate hub = databases.jdbc(databases.hub);
        JdbcTemplate crm = databases.jdbc(databases.crm);
        long contacts = crm.queryForObject("select count(*) from contact", Long.class);
        MigrationRequest clear = new MigrationRequest(Set.of(Island.CRM), List.of(customers), MigrationTarget.HUB, 10, false);
        String clearRun = open(clear);
        batch.load(clearRun, customers, clear, 1);
        EntityOutcome outcome = batch.validate(clearRun, customers, clear);

        // the CRM's seed has three customers an agent entered a second time under the same e-mail in another case
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.sourceRows()).isEqualTo(contacts).isGreaterThan(30);
        assertThat(outcome.rejectsByRule()).isEqualTo(Map.of(Reject.DUPLICATE, 3L));
        assertThat(outcome.loaded()).isEqualTo(contacts - 3).isEqualTo(outcome.targetRows());
        assertThat(hub.queryForMap("select full_name, email, phone, loyalty_points, tier from hub.migrated_customer where customer_key = 'C0000001'"))
                .containsEntry("full_name", "Jonas Meyer").containsEntry("email", "customer1@example.org")
                .containsEntry("phone", "+49305550001").containsEntry("loyalty_points", 35).containsEntry("tier", "SILVER");

        MigrationRequest masked = new MigrationRequest(Set.of(Island.CRM), List.of(customers), MigrationTarget.MASKED_COPY, 10, false);
        String maskedRun = open(masked);
        batch.load(maskedRun, customers, masked, 1);
        EntityOutcome maskedOutcome = batch.validate(maskedRun, customers, masked);
        assertThat(maskedOutcome.problems()).isEmpty();
        assertThat(maskedOutcome.targetRows()).isEqualTo(outcome.targetRows());
        String copy = String.join("\n", hub.queryForList("""
                select concat_ws('|', customer_key, full_name, email, phone) from masked_copy.migrated_customer where run_id = ?""",
                String.class, maskedRun))
                + String.join("\n", hub.queryForList("select payload || reason from hub.migration_quarantine where run_id = ?", String.class, maskedRun));
        for (Map<String, Object> row : crm.queryForList("select email, phone from contact")) {
            for (Object value : row.values()) {
                if (value != null) {
                    assertThat(copy).as("a clear value reached the masked copy").doesNotContain(value.toString().toLowerCase())
                            .doesNotContain(value.toString().replaceAll("\\s", ""));
                }
            }
        }
        // names and numbers are short: a masked one may equal another row's clear value by chance, never its own
        assertThat(hub.queryForObject("""
                select count(*) from masked_copy.migrated_customer m join hub.migrated_customer c on c.source_key = m.source_key
                 where m.run_id = ? and c.run_id = ? and (c.full_name = m.full_name or c.customer_key = m.customer_key)""",
                Long.class, maskedRun, clearRun)).isZero();
        assertThat(hub.queryForList("select email from masked_copy.migrated_customer where run_id = ? and email is not null", String.class, maskedRun))
                .isNotEmpty().allMatch(email -> email.matches("user\\.[0-9a-f]{12}@example\\.(com|org|net)"));
        assertThat(hub.queryForList("select phone from masked_copy.migrated_customer where run_id = ? and phone is not null", String.class, maskedRun))
                .isNotEmpty().allMatch(phone -> phone.matches("\\+49\\d{9}"));
    }

    @Test
    void theErpMaterialsBecomeArticlesUnderTheHubsSkusWithTheirPricePerPiece() {
        JdbcTemplate hub = databases.jdbc(databases.hub);
        JdbcTemplate erp = databases.jdbc(databases.erp);
        erp.update("update mara set lvorm = 'X' where matnr = '000000000000100050'");
        erp.update("delete from a004 where matnr = '000000000000100049'");
        long materials = erp.queryForObject("select count(*) from mara", Long.class);
        MigrationRequest request = new MigrationRequest(Set.of(Island.ERP), List.of(MigrationEntity.ARTICLES), MigrationTarget.HUB, 20, false);
        String runId = open(request);
        try {
            batch.load(runId, MigrationEntity.ARTICLES, request, 1);
            EntityOutcome outcome = batch.validate(runId, MigrationEntity.ARTICLES, request);

            assertThat(outcome.problems()).isEmpty();
            assertThat(outcome.sourceRows()).isEqualTo(materials).isGreaterThan(40);
            assertThat(outcome.rejectsByRule()).isEqualTo(Map.of(Reject.BUSINESS_RULE, 2L));
            assertThat(outcome.loaded()).isEqualTo(materials - 2).isEqualTo(outcome.targetRows());
            // the same SKU the hub's CDC gives the material (key cross-reference), and the ERP's price per 10 pieces as one piece's
            assertThat(hub.queryForList("select sku from hub.migrated_article where run_id = ? and material_no = '000000000000100001'",
                    String.class, runId)).containsExactly("SKU-0001");
            java.math.BigDecimal perTen = erp.queryForObject("select kbetr from a004 where matnr = '000000000000100014' and kpein = 10",
                    java.math.BigDecimal.class);
            assertThat(hub.queryForObject("select price from hub.migrated_article where run_id = ? and material_no = '000000000000100014'",
                    java.math.BigDecimal.class, runId)).isEqualByComparingTo(perTen.divide(java.math.BigDecimal.TEN, 2, java.math.RoundingMode.HALF_UP));
            assertThat(hub.queryForList("select category from hub.migrated_article where run_id = ? and material_no = '000000000000100002'",
                    String.class, runId)).containsExactly("APPAREL");
        } finally {
            erp.update("update mara set lvorm = null where matnr = '000000000000100050'");
            erp.update("insert into a004 (matnr, kbetr) values ('000000000000100049', 9.99) on conflict do nothing");
        }
    }

    /** Sales on a card that joins an account, in clear (the hub's own tables, loaded from the same history). */
    private long clearJoins() {
        MigrationRequest request = request(MigrationTarget.HUB, 1000, false);
        String runId = open(request);
        BOTH.forEach(entity -> batch.load(runId, entity, request, 1));
        return databases.jdbc(databases.hub).queryForObject("""
                select count(*) from hub.migrated_sale s join hub.migrated_loyalty_account a on a.card_no = s.loyalty_card
                 where s.run_id = ? and a.run_id = ?""", Long.class, runId, runId);
    }

    @Test
    void aRetryLoadsTheRowsFixedInTheSourceAndKeepsTheOthersInQuarantine() {
        MigrationRequest request = request(MigrationTarget.HUB, 100, false);
        String runId = open(request);
        MigrationEntity accounts = MigrationEntity.LOYALTY_ACCOUNTS;
        batch.load(runId, accounts, request, 1);
        long badEmails = planted.defects(accounts, Reject.BAD_EMAIL);
        assertThat(badEmails).isPositive();

        int fixed = databases.jdbc(databases.crm).update("update loyalty_account set email = 'fixed.' || account_no || '@example.org' "
                + "where account_no in (select cast(unnest(string_to_array(?, ',')) as bigint))",
                String.join(",", databases.jdbc(databases.hub).queryForList(
                        "select cast(source_key as text) from hub.migration_quarantine where run_id = ? and rule = ?", String.class, runId, Reject.BAD_EMAIL)));
        assertThat(fixed).isEqualTo(badEmails);
        batch.load(runId, accounts, request, 2);

        EntityOutcome outcome = batch.validate(runId, accounts, request);
        assertThat(outcome.problems()).isEmpty();
        Map<String, Long> stillRefused = refusedAsPlanted(accounts);
        stillRefused.remove(Reject.BAD_EMAIL);
        assertThat(outcome.rejectsByRule()).isEqualTo(stillRefused);
        assertThat(outcome.loaded()).isEqualTo(ACCOUNTS - planted.refused(accounts) + badEmails);
    }

    @Test
    void aJobCutInTheMiddleGoesOnFromItsLastCommittedChunkWithNoRowLostOrLoadedTwice() {
        MigrationRequest request = request(MigrationTarget.HUB, 200, false);
        String runId = open(request);
        JdbcTemplate hub = databases.jdbc(databases.hub);
        // the hub's database refuses this run's lines from 1,700 on until it is "back": the load stops in the middle
        hub.execute("alter table hub.migrated_sale add constraint cut_here check (run_id <> '" + runId + "' or source_key < 1700) not valid");
        try {
            assertThatThrownBy(() -> batch.load(runId, MigrationEntity.SALES, request, 1)).hasMessageContaining("FAILED");
            long committed = hub.queryForObject("select count(*) from hub.migrated_sale where run_id = ?", Long.class, runId);
            assertThat(committed).isBetween(1000L, 1700L);
            assertThat(hub.queryForObject("select count(*) from hub.migration_load where run_id = ?", Long.class, runId)).isZero();
        } finally {
            hub.execute("alter table hub.migrated_sale drop constraint cut_here");
        }
        batch.load(runId, MigrationEntity.SALES, request, 1);

        EntityOutcome outcome = batch.validate(runId, MigrationEntity.SALES, request);
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.loadedTwice()).isZero();
        assertThat(outcome.loaded()).isEqualTo(SALES - planted.refused(MigrationEntity.SALES));
        assertThat(outcome.rejectsByRule()).isEqualTo(refusedAsPlanted(MigrationEntity.SALES));
        assertThat(hub.queryForList("select e.status from hub.batch_job_execution e join hub.batch_job_execution_params p "
                + "on p.job_execution_id = e.job_execution_id where p.parameter_name = 'runId' and p.parameter_value = ? order by e.status", String.class, runId))
                .as("two key ranges: the first completed at once, the second failed and was restarted").containsExactly("COMPLETED", "COMPLETED", "FAILED");
    }

    @Test
    void aDryRunLoadsNothingAndStillCountsWhatWouldBeRefused() {
        MigrationRequest request = request(MigrationTarget.HUB, 500, true);
        String runId = open(request);
        batch.load(runId, MigrationEntity.SALES, request, 1);
        EntityOutcome outcome = batch.validate(runId, MigrationEntity.SALES, request);

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.targetRows()).isZero();
        assertThat(outcome.loaded()).isEqualTo(SALES - planted.refused(MigrationEntity.SALES));
        assertThat(outcome.rejectsByRule()).isEqualTo(refusedAsPlanted(MigrationEntity.SALES));
    }

    @Test
    void anUnreadableSourceFailsWithItsReasonBeforeAnyJobStarts() throws Exception {
        MigrationBatch withoutCrmHistory = databases.batch(Map.of(Island.POS, databases.pos, Island.CRM, databases.hub));
        MigrationRequest request = request(MigrationTarget.HUB, 100, false);
        String runId = open(request);

        assertThatThrownBy(() -> withoutCrmHistory.load(runId, MigrationEntity.LOYALTY_ACCOUNTS, request, 1))
                .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("loyalty_account");
        assertThat(databases.jdbc(databases.hub).queryForObject("select count(*) from hub.batch_job_execution_params where parameter_value = ?",
                Long.class, runId)).isZero();
    }

    @Test
    void theSameSeedGivesTheSameHistory() {
        String first = databases.jdbc(databases.crm).queryForObject("select md5(string_agg(t::text, '|' order by account_no)) from loyalty_account t", String.class);
        new LegacyHistoryGenerator(42).generate(databases.pos, databases.crm, ACCOUNTS, SALES);
        assertThat(databases.jdbc(databases.crm).queryForObject("select md5(string_agg(t::text, '|' order by account_no)) from loyalty_account t", String.class))
                .isEqualTo(first);
    }
}
