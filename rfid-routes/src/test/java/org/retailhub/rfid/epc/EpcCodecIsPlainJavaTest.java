package org.retailhub.rfid.epc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The codec is plain Java, usable in a Camel route, a benchmark or a command alike; only its edges know Spring and Jackson. */
class EpcCodecIsPlainJavaTest {

    @Test
    void onlyTheEndpointTheCommandAndTheJsonViewKnowFrameworks() throws URISyntaxException {
        noClasses().that().resideInAPackage("org.retailhub.rfid.epc")
                .and().doNotHaveSimpleName("EpcController").and().doNotHaveSimpleName("EpcCommand").and().doNotHaveSimpleName("EpcView")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.fasterxml..", "jakarta..")
                .check(new ClassFileImporter().importPath(mainClasses()));
    }

    /** The module's compiled classes only: scanning the whole class path for the package would cost seconds. */
    private static Path mainClasses() throws URISyntaxException {
        return Path.of(EpcBinaryEncoding.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
