package org.retailhub.rfid.epc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The worked examples of the GS1 EPC Tag Data Standard, every one in both directions. Sources:
 * <ul>
 * <li>TDS 2.3 (Oct 2025), Annex E.1/E.2 (SGTIN-96 encoded and decoded step by step, binary given) and Annex E.3
 * "Summary Examples of All EPC schemes" (element string, Digital Link URI, EPC URI, tag URI and hex of each scheme);</li>
 * <li>TDS 1.x Annex E (e.g. TDS 1.13, Nov 2019): the SGTIN-96 example {@code 3074257BF7194E4000001A85} used throughout the industry.</li>
 * </ul>
 * E.3 prints the Digital Link URIs of most schemes on {@code example.com}; the hub writes the canonical {@code id.gs1.org}
 * and reads any host, so the path is compared. E.3's EPC URI of the SGTIN-96 example is garbled in print
 * ({@code …05.1234567896789}); the one here follows from its tag URI (TDS 12.3.3) and its element string.
 */
class StandardExamplesTest {

    /** One example: the hex as printed, the filter, the GS1 Company Prefix length, and each form of the EPC. */
    record Example(String source, String hex, String tagUri, String pureIdentityUri, String elementString, String digitalLink,
                   int companyPrefixDigits) {
        @Override
        public String toString() {
            return source + " " + tagUri;
        }
    }

    static Stream<Example> examples() {
        return Stream.of(
                new Example("TDS 1.x E.1", "3074257BF7194E4000001A85", "urn:epc:tag:sgtin-96:3.0614141.812345.6789",
                        "urn:epc:id:sgtin:0614141.812345.6789", "(01)80614141123458(21)6789",
                        "https://id.gs1.org/01/80614141123458/21/6789", 7),
                new Example("TDS 2.3 E.1/E.2", "3066C4409047E14000001A85", "urn:epc:tag:sgtin-96:3.95060001343.05.6789",
                        "urn:epc:id:sgtin:95060001343.05.6789", "(01)09506000134352(21)6789",
                        "https://id.gs1.org/01/09506000134352/21/6789", 11),
                new Example("TDS 2.3 E.3 SGTIN-96", "3066C4409047E140075BCD15", "urn:epc:tag:sgtin-96:3.95060001343.05.123456789",
                        "urn:epc:id:sgtin:95060001343.05.123456789", "(01)09506000134352(21)123456789",
                        "https://id.gs1.org/01/09506000134352/21/123456789", 11),
                new Example("TDS 2.3 E.3 SGTIN-198", "3666C4409047E159B2C2BF100000000000000000000000000000",
                        "urn:epc:tag:sgtin-198:3.95060001343.05.32a%2Fb", "urn:epc:id:sgtin:95060001343.05.32a%2Fb",
                        "(01)09506000134352(21)32a/b", "https://id.gs1.org/01/09506000134352/21/32a%2Fb", 11),
                new Example("TDS 2.3 E.3 SSCC-96", "311BA1B300CE0A6A83000000", "urn:epc:tag:sscc-96:0.952012.03456789123",
                        "urn:epc:id:sscc:952012.03456789123", "(00)095201234567891235",
                        "https://example.com/00/095201234567891235", 6),
                new Example("TDS 2.3 E.3 SGLN-96", "3276451FD46072000000162E", "urn:epc:tag:sgln-96:3.9521141.12345.5678",
                        "urn:epc:id:sgln:9521141.12345.5678", "(414)9521141123454(254)5678",
                        "https://example.com/414/9521141123454/254/5678", 7),
                new Example("TDS 2.3 E.3 SGLN-195", "3976451FD46072CD9615F8800000000000000000000000000000",
                        "urn:epc:tag:sgln-195:3.9521141.12345.32a%2Fb", "urn:epc:id:sgln:9521141.12345.32a%2Fb",
                        "(414)9521141123454(254)32a/b", "https://example.com/414/9521141123454/254/32a%2Fb", 7),
                new Example("TDS 2.3 E.3 GRAI-96", "3376451FD40C0E400000162E", "urn:epc:tag:grai-96:3.9521141.12345.5678",
                        "urn:epc:id:grai:9521141.12345.5678", "(8003)095211411234545678",
                        "https://example.com/8003/095211411234545678", 7),
                new Example("TDS 2.3 E.3 GRAI-170", "3776451FD40C0E59B2C2BF1000000000000000000000",
                        "urn:epc:tag:grai-170:3.9521141.12345.32a%2Fb", "urn:epc:id:grai:9521141.12345.32a%2Fb",
                        "(8003)0952114112345432a/b", "https://example.com/8003/0952114112345432a%2Fb", 7),
                new Example("TDS 2.3 E.3 GIAI-96", "3476451FD40000000000162E", "urn:epc:tag:giai-96:3.9521141.5678",
                        "urn:epc:id:giai:9521141.5678", "(8004)95211415678", "https://example.com/8004/95211415678", 7),
                new Example("TDS 2.3 E.3 GIAI-202", "3876451FD59B2C2BF10000000000000000000000000000000000",
                        "urn:epc:tag:giai-202:3.9521141.32a%2Fb", "urn:epc:id:giai:9521141.32a%2Fb", "(8004)952114132a/b",
                        "https://example.com/8004/952114132a%2Fb", 7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void hexDecodesToEveryFormOfTheExample(Example example) {
        TagEpc tag = EpcBinaryEncoding.decode(example.hex());

        assertThat(tag.tagUri()).isEqualTo(example.tagUri());
        assertThat(tag.identity().pureIdentityUri()).isEqualTo(example.pureIdentityUri());
        assertThat(tag.identity().elementString()).isEqualTo(example.elementString());
        assertThat(tag.identity().digitalLinkUri()).isEqualTo("https://id.gs1.org/" + path(example.digitalLink()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyUriEncodesToTheExamplesHex(Example example) {
        TagEpc tag = EpcUris.tag(example.tagUri());
        EncodingChoices asOnTheTag = new EncodingChoices(tag.filter(), tag.encoding().bits(), example.companyPrefixDigits());

        assertThat(tag.hex()).isEqualTo(example.hex());
        assertThat(EpcUris.parse(example.pureIdentityUri(), asOnTheTag)).isEqualTo(tag);
        assertThat(EpcUris.parse(example.digitalLink(), asOnTheTag)).isEqualTo(tag);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void withoutABitCountTheShortestEncodingThatHoldsTheEpcIsChosen(Example example) {
        TagEpc tag = EpcUris.tag(example.tagUri());
        TagEpc chosen = EpcUris.parse(example.pureIdentityUri(), new EncodingChoices(tag.filter(), null, null));

        assertThat(chosen.encoding()).as("the examples' long encodings all carry a '/', which 96 bits cannot").isEqualTo(tag.encoding());
    }

    /** TDS 2.3 section 7: the correspondence between EPC URIs and GS1 element strings, including individually assigned keys. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("section7")
    void pureIdentityUrisCorrespondToTheElementStringsOfSection7(String pureIdentityUri, String elementString) {
        assertThat(EpcUris.pureIdentity(pureIdentityUri).elementString()).isEqualTo(elementString);
    }

    static Stream<Arguments> section7() {
        return Stream.of(
                args("urn:epc:id:sgtin:952656789012.0.4711", "(01)09526567890126(21)4711"),     // 7.2.1
                args("urn:epc:id:sgln:952656789012..0", "(414)9526567890126"),                  // 7.2.2
                args("urn:epc:id:sgln:952656789012..4711", "(414)9526567890126(254)4711"),      // 7.2.2
                args("urn:epc:id:sscc:952656789012.03456", "(00)095265678901234568"),           // 7.2.3
                args("urn:epc:id:giai:952656789012.345678901234567890", "(8004)952656789012345678901234567890"), // 7.2.3
                args("urn:epc:id:sgtin:9521141.012345.32a%2Fb", "(01)09521141123454(21)32a/b"), // 7.3
                args("urn:epc:id:sscc:9521141.1234567890", "(00)195211412345678900"),           // 7.4
                args("urn:epc:id:sgln:9521141.12345.0", "(414)9521141123454"),                  // 7.5
                args("urn:epc:id:grai:9521141.12345.32a%2Fb", "(8003)0952114112345432a/b"),     // 7.6
                args("urn:epc:id:giai:9521141.32a%2Fb", "(8004)952114132a/b"));                 // 7.7
    }

    private static Arguments args(String uri, String elementString) {
        return Arguments.of(uri, elementString);
    }

    private static String path(String digitalLink) {
        return digitalLink.substring(digitalLink.indexOf('/', "https://".length()) + 1);
    }
}
