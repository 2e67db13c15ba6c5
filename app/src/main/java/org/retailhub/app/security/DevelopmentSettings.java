package org.retailhub.app.security;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The settings that make a hub a development hub, found by rules rather than by a list of today's properties, so that
 * tomorrow's secrets and simulators are covered too:
 * <ul>
 *   <li>the DEV-ONLY users ({@code hub.security.mode=dev}) and Camunda's demo login ({@code camunda.bpm.admin-user});</li>
 *   <li>every value that contains {@value #DEV_ONLY_MARK} (the mark every shipped development secret carries), whether it
 *       comes from application.yaml, the environment or a {@code @DefaultValue} of a {@code hub.*} properties record;</li>
 *   <li>every {@code *.simulator} (or {@code *.simulator.enabled}) switch that is on, and every {@code *.simulator-pause} above zero (island simulators);</li>
 *   <li>the embedded servers ({@code hub.embedded.enabled}), and the real servers' addresses and logins that are then missing.</li>
 * </ul>
 */
final class DevelopmentSettings {

    /** Every DEV-ONLY value shipped with the hub contains this mark (case does not matter); docs/configuration.md says so. */
    static final String DEV_ONLY_MARK = "dev-only";
    static final String EMBEDDED_KIT = "org.retailhub.app.embedded.EmbeddedServices";

    /** Namespaces of the hub's own settings: other variables of the process environment are none of its business. */
    private static final List<String> OWN_NAMESPACES = List.of("hub", "spring", "camunda", "camel", "server", "management");
    /** What a hub without its embedded servers cannot start without. */
    private static final Map<String, String> REQUIRED = new TreeMap<>(Map.of(
            "spring.datasource.url", "the hub's PostgreSQL (JDBC URL; also its _USERNAME and _PASSWORD)",
            "spring.kafka.bootstrap-servers", "the Kafka cluster",
            "hub.islands.pos.url", "the POS island's database (JDBC URL; also its _USERNAME and _PASSWORD)",
            "hub.islands.erp.url", "the ERP island's database (JDBC URL; also its _USERNAME and _PASSWORD)",
            "hub.islands.crm.url", "the CRM island's database (JDBC URL; also its _USERNAME and _PASSWORD)",
            "hub.cdc.username", "the capture role in the islands' databases (also HUB_CDC_PASSWORD)"));

    /** One setting: the property, and what is wrong with it and what to do. */
    record Setting(String property, String problem) {

        /** The line an operator reads: property, its environment variable, the problem. */
        String line() {
            return property + " (" + environmentVariable(property) + "): " + problem;
        }

        static String environmentVariable(String property) {
            return property.replace('.', '_').replace('-', '_').replace("[", "_").replace("]", "").toUpperCase(Locale.ROOT);
        }
    }

    private final ConfigurableEnvironment environment;
    private final Binder binder;
    private final Map<String, Setting> found = new TreeMap<>();

    private DevelopmentSettings(ConfigurableEnvironment environment) {
        this.environment = environment;
        this.binder = Binder.get(environment);
    }

    /** Every development setting {@code environment} holds, one per property, ordered by property name. */
    static List<Setting> in(ConfigurableEnvironment environment) {
        DevelopmentSettings settings = new DevelopmentSettings(environment);
        settings.users();
        settings.embeddedServers();
        settings.ownProperties();
        settings.propertiesRecords();
        return List.copyOf(settings.found.values());
    }

    /** The embedded servers are asked for, but their kit is not on the class path: nothing would start them. */
    static boolean embeddedKitMissing(ConfigurableEnvironment environment) {
        return embeddedEnabled(Binder.get(environment)) && !ClassUtils.isPresent(EMBEDDED_KIT, DevelopmentSettings.class.getClassLoader());
    }

    private void users() {
        String mode = binder.bind("hub.security.mode", String.class).orElse("dev");
        if ("dev".equalsIgnoreCase(mode)) {
            add("hub.security.mode", "is dev: DEV-ONLY HTTP Basic users with public passwords; set keycloak and the realm (docs/security.md)");
        }
        String adminId = environment.getProperty("camunda.bpm.admin-user.id", "");
        String adminPassword = environment.getProperty("camunda.bpm.admin-user.password", "");
        if (!adminId.isBlank() && ("demo".equals(adminPassword) || isDevOnly(adminPassword))) {
            add("camunda.bpm.admin-user.id", "is " + adminId + " with the DEV-ONLY demo password: Camunda's demo login; "
                    + "set it empty (with Keycloak, Keycloak's admins are Camunda's)");
        }
    }

    private void embeddedServers() {
        if (embeddedEnabled(binder)) {
            add("hub.embedded.enabled", "is true: the DEV-ONLY embedded PostgreSQL and Kafka; set false and name the real servers");
        }
        REQUIRED.forEach((server, what) -> {
            if (binder.bind(server, String.class).map(String::isBlank).orElse(true)) {
                add(server, "is missing: " + what);
            }
        });
    }

    /** application.yaml, the environment variables, the command line: every property of the hub's namespaces. */
    private void ownProperties() {
        for (ConfigurationPropertyName name : ownPropertyNames()) {
            String property = name.toString();
            String value = binder.bind(name, Bindable.of(String.class)).orElse("");
            inspect(property, name.getLastElement(ConfigurationPropertyName.Form.DASHED), value);
        }
    }

    private Set<ConfigurationPropertyName> ownPropertyNames() {
        Set<ConfigurationPropertyName> names = new TreeSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.stream().filter(n -> !n.isEmpty() && OWN_NAMESPACES.contains(n.getElement(0, ConfigurationPropertyName.Form.DASHED)))
                        .forEach(names::add);
            }
        }
        return names;
    }

    /** The {@code hub.*} properties records as bound, {@code @DefaultValue}s included: defaults that never reach the environment. */
    private void propertiesRecords() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false, environment);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.retailhub")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), DevelopmentSettings.class.getClassLoader());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = StringUtils.hasText(annotation.prefix()) ? annotation.prefix() : annotation.value();
            if (type.isRecord() && StringUtils.hasText(prefix)) {
                try {
                    walk(prefix, binder.bindOrCreate(prefix, Bindable.of(type)), 0);
                } catch (RuntimeException unbindable) {
                    // a value that does not convert: the application's own binding will say so, with the property's name
                }
            }
        }
    }

    private void walk(String path, Object value, int depth) {
        if (value == null || depth > 6) {
            return;
        }
        String last = path.substring(path.lastIndexOf('.') + 1);
        if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    walk(path + "." + dashed(component.getName()), component.getAccessor().invoke(value), depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + path + "." + component.getName(), e);
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> walk(path + "." + key, entry, depth + 1));
        } else if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(path + "[" + index++ + "]", item, depth + 1);
            }
        } else {
            inspect(path, last, String.valueOf(value));
        }
    }

    private void inspect(String property, String lastElement, String value) {
        if (isDevOnly(value)) {
            add(property, "is a DEV-ONLY value (it contains '" + DEV_ONLY_MARK + "'); set a secret of your own");
        } else if (("simulator".equals(lastElement) || property.endsWith(".simulator.enabled")) && "true".equalsIgnoreCase(value)) {
            add(property, "is true: a DEV-ONLY in-process simulator; set false and the real system's address");
        } else if ("simulator-pause".equals(lastElement) && isPositive(value)) {
            add(property, "is " + value + ": DEV-ONLY island simulators write to the islands; set 0s");
        }
    }

    private void add(String property, String problem) {
        found.putIfAbsent(property, new Setting(property, problem));
    }

    static boolean isDevOnly(String value) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(DEV_ONLY_MARK);
    }

    private static boolean embeddedEnabled(Binder binder) {
        return binder.bind("hub.embedded.enabled", Boolean.class).orElse(true);
    }

    private static boolean isPositive(String value) {
        try {
            return !DurationStyle.detectAndParse(value).isZero();
        } catch (RuntimeException notADuration) {
            return false;
        }
    }

    private static String dashed(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
