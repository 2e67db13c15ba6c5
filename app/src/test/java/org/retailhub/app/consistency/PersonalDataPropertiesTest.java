package org.retailhub.app.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The personal data key as configured: the DEV-ONLY default works, a malformed key stops the start and says which setting. */
class PersonalDataPropertiesTest {

    @EnableConfigurationProperties(PersonalDataProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withUserConfiguration(Settings.class);

    @Test
    void theEmbeddedDefaultIsAMarkedDevOnlyKeyThatSeals() {
        context.run(started -> {
            PersonalDataProperties properties = started.getBean(PersonalDataProperties.class);
            assertThat(properties.key()).contains("dev-only");
            assertThat(properties.keyId()).contains("dev-only");
            assertThat(properties.seal().open(properties.keyId(), "CU1", "name", properties.seal().seal("CU1", "name", "Ada"))).isEqualTo("Ada");
        });
    }

    @Test
    void aKeyThatIsNot32BytesInBase64urlIsRefused() {
        context.withPropertyValues("hub.personal-data.key=c2hvcnQ").run(started -> assertThat(started).hasFailed()
                .getFailure().rootCause().hasMessageContaining("hub.personal-data.key").hasMessageContaining("32 bytes"));
        context.withPropertyValues("hub.personal-data.previous-keys.old=c2hvcnQ").run(started -> assertThat(started).hasFailed());
    }
}
