package org.retailhub.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** The rules that decide which settings keep a hub without the development switch from starting, on the shipped application.yaml. */
class DevelopmentSettingsTest {

    /** What an operator sets for production (docs/configuration.md), as environment variables. */
    private static final Map<String, Object> PRODUCTION = Map.ofEntries(
            Map.entry("HUB_SECURITY_MODE", "keycloak"),
            Map.entry("HUB_SECURITY_KEYCLOAK_WEBAPPS_CLIENT_SECRET", "s3cr3t-from-the-vault"),
            Map.entry("CAMUNDA_BPM_ADMIN_USER_ID", ""),
            Map.entry("HUB_EMBEDDED_ENABLED", "false"),
            Map.entry("SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/retailhub"),
            Map.entry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"),
            Map.entry("HUB_ISLANDS_POS_URL", "jdbc:postgresql://pos:5432/pos"),
            Map.entry("HUB_ISLANDS_ERP_URL", "jdbc:postgresql://erp:5432/erp"),
            Map.entry("HUB_ISLANDS_CRM_URL", "jdbc:postgresql://crm:5432/crm"),
            Map.entry("HUB_ISLANDS_SIMULATOR_PAUSE", "0s"),
            Map.entry("HUB_CDC_USERNAME", "retailhub_cdc"),
            Map.entry("HUB_PAYMENT_PSP_SIMULATOR", "false"),
            Map.entry("HUB_PAYMENT_PSP_WEBHOOK_SECRET", "a-long-shared-secret-from-the-psp"),
            Map.entry("HUB_ERP_SIMULATOR", "false"),
            Map.entry("HUB_ERP_PURCHASING_SIMULATOR", "false"),
            Map.entry("HUB_CRM_SIMULATOR", "false"),
            Map.entry("HUB_MIGRATION_HISTORY_SIMULATOR", "false"),
            Map.entry("HUB_CRM_CUSTOMERS_SIMULATOR", "false"),
            Map.entry("HUB_RFID_SIMULATOR_ENABLED", "false"),
            Map.entry("HUB_CRM_CUSTOMERS_PASSWORD", "crm-api-password-from-the-vault"),
            Map.entry("HUB_SAMPLE_VAULT_KEY", "key-from-the-vault"),
            Map.entry("HUB_PERSONAL_DATA_KEY_ID", "2026-11"),
            Map.entry("HUB_PERSONAL_DATA_KEY", "a-32-byte-key-from-the-vault-000"));

    @Test
    void theShippedDefaultsAreRefusedSettingBySettingWithTheirEnvironmentVariables() throws IOException {
        List<String> lines = lines(shipped());

        assertThat(lines).anyMatch(l -> l.startsWith("hub.security.mode (HUB_SECURITY_MODE): is dev"))
                .anyMatch(l -> l.startsWith("camunda.bpm.admin-user.id (CAMUNDA_BPM_ADMIN_USER_ID): is demo"))
                .anyMatch(l -> l.startsWith("hub.embedded.enabled (HUB_EMBEDDED_ENABLED): is true"))
                .anyMatch(l -> l.startsWith("spring.datasource.url (SPRING_DATASOURCE_URL): is missing"))
                .anyMatch(l -> l.startsWith("spring.kafka.bootstrap-servers (SPRING_KAFKA_BOOTSTRAP_SERVERS): is missing"))
                .anyMatch(l -> l.startsWith("hub.cdc.username (HUB_CDC_USERNAME): is missing"))
                .anyMatch(l -> l.startsWith("hub.islands.simulator-pause (HUB_ISLANDS_SIMULATOR_PAUSE): is PT2S"));
        assertThat(lines).as("every simulator, also one switched on by a record's default only (CRM customer API)")
                .anyMatch(l -> l.startsWith("hub.payment.psp.simulator (HUB_PAYMENT_PSP_SIMULATOR): is true"))
                .anyMatch(l -> l.startsWith("hub.erp.simulator (HUB_ERP_SIMULATOR): is true"))
                .anyMatch(l -> l.startsWith("hub.erp.purchasing.simulator (HUB_ERP_PURCHASING_SIMULATOR): is true"))
                .anyMatch(l -> l.startsWith("hub.crm.simulator (HUB_CRM_SIMULATOR): is true"))
                .anyMatch(l -> l.startsWith("hub.migration.history.simulator (HUB_MIGRATION_HISTORY_SIMULATOR): is true"))
                .anyMatch(l -> l.startsWith("hub.crm.customers.simulator (HUB_CRM_CUSTOMERS_SIMULATOR): is true"))
                .anyMatch(l -> l.startsWith("hub.rfid.simulator.enabled (HUB_RFID_SIMULATOR_ENABLED): is true"));
        assertThat(lines).as("every DEV-ONLY secret, from application.yaml or from a record's default")
                .anyMatch(l -> l.startsWith("hub.payment.psp.webhook-secret (HUB_PAYMENT_PSP_WEBHOOK_SECRET): is a DEV-ONLY value"))
                .anyMatch(l -> l.startsWith("hub.security.keycloak.webapps-client-secret (HUB_SECURITY_KEYCLOAK_WEBAPPS_CLIENT_SECRET): is a DEV-ONLY"))
                .anyMatch(l -> l.startsWith("hub.crm.customers.password (HUB_CRM_CUSTOMERS_PASSWORD): is a DEV-ONLY value"))
                .anyMatch(l -> l.startsWith("hub.sample-vault.key (HUB_SAMPLE_VAULT_KEY): is a DEV-ONLY value"))
                .anyMatch(l -> l.startsWith("hub.personal-data.key (HUB_PERSONAL_DATA_KEY): is a DEV-ONLY value"));
        assertThat(lines).as("no secret value is printed").noneMatch(l -> l.contains("dev-only-webhook-secret-change-me"));
    }

    @Test
    void productionSettingsPass() throws IOException {
        StandardEnvironment environment = shipped();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("production", PRODUCTION));

        assertThat(lines(environment)).isEmpty();
    }

    @Test
    void anyValueMarkedDevOnlyIsRefusedWhereverItComesFrom() throws IOException {
        StandardEnvironment environment = shipped();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("production", PRODUCTION));
        Map<String, Object> slips = new HashMap<>();
        slips.put("spring.datasource.password", "hub-dev-only");
        slips.put("hub.new-party.api-key", "DEV-ONLY-new-party-key");
        slips.put("hub.new-party.simulator", "true");
        environment.getPropertySources().addFirst(new MapPropertySource("command line", slips));

        assertThat(lines(environment)).containsExactly(
                "hub.new-party.api-key (HUB_NEW_PARTY_API_KEY): is a DEV-ONLY value (it contains 'dev-only'); set a secret of your own",
                "hub.new-party.simulator (HUB_NEW_PARTY_SIMULATOR): is true: a DEV-ONLY in-process simulator; set false and the real system's address",
                "spring.datasource.password (SPRING_DATASOURCE_PASSWORD): is a DEV-ONLY value (it contains 'dev-only'); set a secret of your own");
    }

    private static List<String> lines(StandardEnvironment environment) {
        return DevelopmentSettings.in(environment).stream().map(DevelopmentSettings.Setting::line).toList();
    }

    /** The hub's own application.yaml, nothing else: the test JVM's real environment variables are left out. */
    private static StandardEnvironment shipped() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))) {
            environment.getPropertySources().addLast(source);
        }
        return environment;
    }
}
