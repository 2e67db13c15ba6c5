package org.retailhub.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of ARCHITECTURE.md, executable: dependencies point inward, edges stay at the edges. */
class ArchitectureTest {

    private static final String DOMAIN = "org.retailhub.domain..";
    private static final String PROCESSES = "org.retailhub.processes..";
    private static final String ROUTES = "org.retailhub.routes..";
    private static final String CONNECTORS = "org.retailhub.connectors..";
    private static final String LEGACY = "org.retailhub.legacy..";
    private static final String RFID = "org.retailhub.rfid..";
    private static final String SECURITY = "org.retailhub.security..";
    private static final String SIMULATORS = "org.retailhub.simulator..";
    private static final String APP = "org.retailhub.app..";

    private static JavaClasses hub;

    @BeforeAll
    static void importHub() {
        hub = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.retailhub");
    }

    @Test
    void domainKnowsNoFrameworkOfTheEdges() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.camunda..",
                        "org.springframework.web..", "org.springframework.kafka..", "org.apache.kafka..", "jakarta.servlet..",
                        "org.springframework.boot..", "io.debezium..")
                .check(hub);
    }

    @Test
    void domainDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(PROCESSES, ROUTES, CONNECTORS, LEGACY, RFID, SECURITY, SIMULATORS, APP)
                .check(hub);
    }

    /** The domain's capabilities point one way (order → payment is forbidden, payment → order is fine); the shared vocabulary is in {@code shared}. */
    @Test
    void domainPackagesFormNoCycles() {
        slices().matching("org.retailhub.domain.(*)..").should().beFreeOfCycles().check(hub);
    }

    @Test
    void routesReachProcessesOnlyThroughDomainPorts() {
        noClasses().that().resideInAPackage(ROUTES)
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", PROCESSES, CONNECTORS, APP)
                .check(hub);
    }

    @Test
    void processesReachTheOutsideOnlyThroughPorts() {
        noClasses().that().resideInAPackage(PROCESSES)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.apache.kafka..",
                        "org.springframework.kafka..", "org.springframework.web..", "java.net.http..",
                        ROUTES, CONNECTORS, LEGACY, RFID, SECURITY, APP)
                .check(hub);
    }

    @Test
    void adaptersDependOnlyOnTheDomain() {
        noClasses().that().resideInAnyPackage(CONNECTORS, LEGACY, RFID, SECURITY)
                .should().dependOnClassesThat().resideInAnyPackage(PROCESSES, ROUTES, APP)
                .check(hub);
        noClasses().that().resideInAnyPackage(LEGACY, RFID, SECURITY)
                .should().dependOnClassesThat().resideInAnyPackage(CONNECTORS, "org.camunda..")
                .check(hub);
        noClasses().that().resideInAPackage(CONNECTORS)
                .should().dependOnClassesThat().resideInAnyPackage(LEGACY, RFID, SECURITY)
                .check(hub);
    }

    /**
     * The simulated outside parties (PSP, CRM, ERP) are the other side of the wire, not hub code: only the application
     * (its embedded default) starts them, and they know of the hub no more than its shared vocabulary in {@code domain}.
     */
    @Test
    void simulatorsAreTheOtherSideOfTheWire() {
        noClasses().that().resideInAnyPackage(DOMAIN, PROCESSES, ROUTES, CONNECTORS, LEGACY, RFID, SECURITY)
                .should().dependOnClassesThat().resideInAPackage(SIMULATORS)
                .check(hub);
        noClasses().that().resideInAPackage(SIMULATORS)
                .should().dependOnClassesThat().resideInAnyPackage(PROCESSES, ROUTES, CONNECTORS, LEGACY, RFID, SECURITY, APP, "org.springframework.boot..")
                .check(hub);
    }

    @Test
    void packagesAreNamedByCapabilityNotByTechnicalLayer() {
        noClasses().should().resideInAnyPackage("..util..", "..utils..", "..helper..", "..helpers..", "..impl..",
                        "..manager..", "..service..", "..services..", "..controller..", "..controllers..", "..dto..")
                .check(hub);
    }
}
