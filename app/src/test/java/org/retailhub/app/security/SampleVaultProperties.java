package org.retailhub.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stands for a secret a future change adds with a DEV-ONLY default in its record only, never in application.yaml (as a
 * customer-data encryption key might): {@link DevelopmentSettingsTest} proves the start refuses it by the same rule.
 *
 * @param key the vault's key
 */
@ConfigurationProperties("hub.sample-vault")
record SampleVaultProperties(@DefaultValue("dev-only-sample-vault-key") String key) {
}
