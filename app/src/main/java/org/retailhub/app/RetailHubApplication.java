package org.retailhub.app;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The retail integration hub: Camunda, Camel routes, channel intake and the order API in one Spring Boot application. */
@SpringBootApplication(scanBasePackages = "org.retailhub")
@ConfigurationPropertiesScan("org.retailhub")
@EnableScheduling
public class RetailHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(RetailHubApplication.class, withSwitches(args));
    }

    /**
     * {@code --dev} is the short form of {@code --hub.development=true} (a development run: DEV-ONLY users, secrets,
     * simulators and embedded servers allowed, see {@code FailClosedStart}); {@code --demo} of {@code --hub.demo.enabled=true}.
     */
    static String[] withSwitches(String[] args) {
        return Arrays.stream(args)
                .map(a -> switch (a) {
                    case "--dev" -> "--hub.development=true";
                    case "--demo" -> "--hub.demo.enabled=true";
                    default -> a;
                })
                .toArray(String[]::new);
    }
}
