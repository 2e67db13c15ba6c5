package org.retailhub.rfid.epc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EpcCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void hexIsDecodedToJson() throws Exception {
        assertThat(run("3074257BF7194E4000001A85")).isZero();
        JsonNode epc = json();
        assertThat(epc.get("pureIdentityUri").asText()).isEqualTo("urn:epc:id:sgtin:0614141.812345.6789");
        assertThat(epc.get("gtin").asText()).isEqualTo("80614141123458");
    }

    @Test
    void everyUriFormIsEncodedToTheSameHex() throws Exception {
        assertThat(run("urn:epc:tag:sgtin-96:3.0614141.812345.6789")).isZero();
        assertThat(json().get("hex").asText()).isEqualTo("3074257BF7194E4000001A85");
        out.reset();
        assertThat(run("urn:epc:id:sgtin:0614141.812345.6789", "--filter", "3")).isZero();
        assertThat(json().get("hex").asText()).isEqualTo("3074257BF7194E4000001A85");
        out.reset();
        assertThat(run("https://id.gs1.org/01/80614141123458/21/6789", "--company-prefix-digits", "7", "--filter", "3")).isZero();
        assertThat(json().get("hex").asText()).isEqualTo("3074257BF7194E4000001A85");
        out.reset();
        assertThat(run("urn:epc:id:sgtin:0614141.812345.6789", "--bits", "198")).isZero();
        assertThat(json().get("encoding").asText()).isEqualTo("sgtin-198");
    }

    @Test
    void anInvalidEpcPrintsItsProblemAndExitsWithOne() throws Exception {
        assertThat(run("3074257BF7194E4000001A8")).isEqualTo(1);
        JsonNode problem = json();
        assertThat(problem.get("reason").asText()).isEqualTo("wrong-length");
        assertThat(problem.get("input").asText()).isEqualTo("3074257BF7194E4000001A8");
        assertThat(problem.get("detail").asText()).contains("sgtin-96 has 96 bits");
    }

    @Test
    void aWrongCommandLineShowsTheUsageAndExitsWithTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("urn:epc:id:sgtin:0614141.812345.6789", "--filter")).isEqualTo(2);
        assertThat(run("urn:epc:id:sgtin:0614141.812345.6789", "--colour", "red")).isEqualTo(2);
        assertThat(run("urn:epc:id:sgtin:0614141.812345.6789", "--filter", "three")).isEqualTo(2);
        assertThat(run("3074257BF7194E4000001A85", "--filter", "3")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: epc.sh <hex>");
        assertThat(out.size()).isZero();
        assertThat(run("--help")).isZero();
    }

    private int run(String... args) {
        return new EpcCommand().run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }
}
