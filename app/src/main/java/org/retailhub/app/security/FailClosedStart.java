package org.retailhub.app.security;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Production fails closed: without the development switch ({@code --dev}, i.e. {@code hub.development=true}) the hub
 * refuses to start while any {@link DevelopmentSettings development setting} is left, and names every one of them at
 * once, one line each, with its environment variable. Runs once the configuration is read and before the embedded
 * servers would start, so a refused start touches nothing.
 */
public class FailClosedStart implements EnvironmentPostProcessor, Ordered {

    /** The development switch; {@code --dev} on the command line is its short form. */
    public static final String SWITCH = "hub.development";
    /** Exit status of a refused start: EX_CONFIG of sysexits.h, "configuration error". */
    static final int REFUSED = 78;

    private final Log log;

    public FailClosedStart(DeferredLogFactory logs) {
        this.log = logs.getLog(FailClosedStart.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Binder.get(environment).bind(SWITCH, Boolean.class).orElse(false)) {
            List<DevelopmentSettings.Setting> settings = DevelopmentSettings.in(environment);
            if (!settings.isEmpty()) {
                throw new Refused("retail-hub refuses to start: " + settings.size() + " setting(s) are for development only, "
                        + "and the development switch (--dev, " + SWITCH + "=true) is off", settings,
                        "Set each setting above as its line says (docs/configuration.md, \"Production checklist\"), or start "
                                + "with --dev for a development run on the embedded defaults (README command 1).");
            }
            return;
        }
        if (DevelopmentSettings.embeddedKitMissing(environment)) {
            throw new Refused("a development run on the embedded servers needs their kit on the class path",
                    List.of(new DevelopmentSettings.Setting("hub.embedded.enabled", "is true: start with "
                            + "-Dloader.path=app/embedded-kit/target/kit (README command 1), or set false and name the real servers")),
                    "Start the jar as README command 1 does, with the kit on the loader path.");
        }
        log.warn("Development run (" + SWITCH + "=true): DEV-ONLY users, secrets, simulators and embedded servers are allowed. "
                + "Never with real data.");
    }

    /** After the configuration files are read, before the embedded servers start (their post-processor has no order). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }

    /** The refusal: every setting to change, and what to do. */
    static final class Refused extends IllegalStateException implements ExitCodeGenerator {

        private final String action;

        Refused(String reason, List<DevelopmentSettings.Setting> settings, String action) {
            super(reason + ":" + lines(settings));
            this.action = action;
        }

        @Override
        public int getExitCode() {
            return REFUSED;
        }

        private static String lines(List<DevelopmentSettings.Setting> settings) {
            return settings.stream().map(s -> "\n  " + s.line()).collect(Collectors.joining());
        }
    }

    /** Prints the refusal as Spring Boot prints a failed start: what is wrong, then what to do; no stack trace. */
    public static final class Analyzer extends AbstractFailureAnalyzer<Refused> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, Refused cause) {
            return new FailureAnalysis(cause.getMessage(), cause.action, cause);
        }
    }
}
