package org.retailhub.app;

import java.util.Arrays;
import java.util.stream.Stream;
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
        SpringApplication.run(RetailHubApplication.class, withDemoSwitch(args));
    }

    /** {@code --demo} is the short form of {@code --hub.demo.enabled=true}. */
    static String[] withDemoSwitch(String[] args) {
        return Arrays.stream(args)
                .flatMap(a -> a.equals("--demo") ? Stream.of("--hub.demo.enabled=true") : Stream.of(a))
                .toArray(String[]::new);
    }
}
