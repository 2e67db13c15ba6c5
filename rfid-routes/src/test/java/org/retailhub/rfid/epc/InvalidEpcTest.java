package org.retailhub.rfid.epc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way an EPC can be wrong gives a typed refusal that names the input and the field, never an identity. */
class InvalidEpcTest {

    private static final String SGTIN = "3074257BF7194E4000001A85";
    private static final String SGTIN_URI = "urn:epc:tag:sgtin-96:3.0614141.812345.";

    static Stream<Arguments> badHex() {
        return Stream.of(
                bad("", EpcProblem.WRONG_LENGTH, "no hex digits"),
                bad(SGTIN.substring(0, 23), EpcProblem.WRONG_LENGTH, "sgtin-96 has 96 bits (24 hex digits), this has 92"),
                bad("3".repeat(125), EpcProblem.WRONG_LENGTH, "at most 124"),
                bad("3074257BF7194E4000001A8G", EpcProblem.NOT_HEX, "'G' at position 24"),
                bad("3074257BF7194E40 0001A85", EpcProblem.NOT_HEX, "' ' at position 17"),
                bad("3074257BF7194E4000001A８5", EpcProblem.NOT_HEX, "'８' at position 23"),
                bad("3500E86F8000A9E000000586", EpcProblem.UNKNOWN_HEADER, "header 35 is GID-96, which the hub does not decode"),
                bad("F73795211411234538566CB0AFC4", EpcProblem.UNKNOWN_HEADER, "header F7 is SGTIN+"),
                bad("AB74257BF7194E4000001A85", EpcProblem.UNKNOWN_HEADER, "header AB is not assigned"),
                bad("000000000000000000000000", EpcProblem.UNKNOWN_HEADER, "unprogrammed tag"),
                bad("307C257BF7194E4000001A85", EpcProblem.BAD_PARTITION, "partition 7 is not in the SGTIN partition table"),
                bad(hex(96, 8, 0x30, 3, 3, 3, 0, 40, (1L << 40) - 1, 4, 1, 38, 1), EpcProblem.OUT_OF_RANGE,
                        "GS1 Company Prefix 1099511627775 does not fit 12 digits"),
                bad(hex(96, 8, 0x30, 3, 3, 3, 5, 24, 614141, 20, (1L << 20) - 1, 38, 1), EpcProblem.OUT_OF_RANGE,
                        "indicator and item reference 1048575 does not fit 6 digits"),
                bad(hex(96, 8, 0x32, 3, 0, 3, 0, 40, 1, 1, 1, 41, 0), EpcProblem.OUT_OF_RANGE, "location reference 1 does not fit 0 digits"),
                bad("311BA1B300CE0A6A83000001", EpcProblem.NON_ZERO_PADDING, "the 24 reserved bits must be zero"),
                bad(SGTIN + "0001", EpcProblem.NON_ZERO_PADDING, "the bits after the 96 of sgtin-96 must be zero"),
                bad(sgtin198('3', 0x7E, '2'), EpcProblem.INVALID_CHARACTER, "serial: the 7-bit value 0x7E at bit 65"),
                bad(sgtin198('3', 0x0A), EpcProblem.INVALID_CHARACTER, "the 7-bit value 0x0A"),
                bad(sgtin198('3', 0, '2'), EpcProblem.NON_ZERO_PADDING, "serial after its last character must be zero"),
                bad(sgtin198(), EpcProblem.FIELD_LENGTH, "serial is empty"),
                bad(giai202(19, false), EpcProblem.FIELD_LENGTH, "individual asset reference has more than 18 characters"),
                bad(giai202(18, true), EpcProblem.NON_ZERO_PADDING, "individual asset reference after its last character must be zero"));
    }

    static Stream<Arguments> badUris() {
        return Stream.of(
                bad("hello", EpcProblem.MALFORMED_URI, "neither a tag URI"),
                bad("urn:epc:tag:sgtin-64:3.0614141.812345.6789", EpcProblem.UNKNOWN_SCHEME, "'sgtin-64' is not a tag encoding"),
                bad("urn:epc:id:gid:31415.271828.1414", EpcProblem.UNKNOWN_SCHEME, "'gid' is not an EPC scheme the hub translates"),
                bad("urn:epc:tag:[att=x01]:sgtin-96:3.0614141.812345.6789", EpcProblem.MALFORMED_URI, "control fields"),
                bad("urn:epc:tag:sgtin-96:8.0614141.812345.6789", EpcProblem.MALFORMED_URI, "filter value, one digit 0-7"),
                bad("urn:epc:tag:sgtin-96:3.06141A1.812345.6789", EpcProblem.NON_NUMERIC, "GS1 Company Prefix '06141A1' may hold digits only"),
                bad("urn:epc:tag:sgtin-96:3.0614141.81234.6789", EpcProblem.FIELD_LENGTH, "have 12 digits together, SGTIN needs 13"),
                bad("urn:epc:id:sgtin:06141.12345678.1", EpcProblem.FIELD_LENGTH, "GS1 Company Prefix 06141 has 5 digits"),
                bad(SGTIN_URI + "06789", EpcProblem.LEADING_ZERO, "serial '06789' has a leading zero"),
                bad(SGTIN_URI + "274877906944", EpcProblem.OUT_OF_RANGE, "serial 274877906944 exceeds 274877906943"),
                bad(SGTIN_URI + "67a9", EpcProblem.NON_NUMERIC, "serial '67a9' is not a number"),
                bad("urn:epc:tag:sgtin-96:3.0614141.812345", EpcProblem.MALFORMED_URI, "a sgtin URI has 3 components"),
                bad("urn:epc:tag:sgtin-198:3.0614141.812345.32a/b", EpcProblem.INVALID_CHARACTER, "holds '/', which a URI carries only as %2F"),
                bad("urn:epc:tag:sgtin-198:3.0614141.812345.32a%7Eb", EpcProblem.INVALID_CHARACTER, "%7E, which is not one of GS1's 82"),
                bad("urn:epc:tag:sgtin-198:3.0614141.812345.32a%2", EpcProblem.MALFORMED_URI, "'%' that is not followed by two hex digits"),
                bad("urn:epc:tag:sgtin-198:3.0614141.812345." + "x".repeat(21), EpcProblem.FIELD_LENGTH, "serial has 21 characters, at most 20"),
                bad("urn:epc:tag:sgtin-198:3.0614141.812345.", EpcProblem.FIELD_LENGTH, "serial is empty"),
                bad("urn:epc:tag:sscc-96:3.0614141.1234567890.1", EpcProblem.MALFORMED_URI, "a sscc URI has 2 components"),
                bad("urn:epc:tag:giai-96:3.0614141.0123", EpcProblem.LEADING_ZERO, "individual asset reference '0123' has a leading zero"),
                bad("urn:epc:tag:giai-96:3.061414112345.4398046511104", EpcProblem.OUT_OF_RANGE, "exceeds 4398046511103"),
                bad("urn:epc:tag:giai-202:3.061414112345." + "A".repeat(19), EpcProblem.FIELD_LENGTH, "at most 18"),
                bad("urn:epc:tag:grai-96:3.9521141.12345.5678x", EpcProblem.NON_NUMERIC, "serial '5678x' is not a number"),
                bad("urn:epc:tag:sgln-96:3.9521141.12345.2199023255552", EpcProblem.OUT_OF_RANGE, "extension 2199023255552 exceeds 2199023255551"),
                bad("https://id.gs1.org/01/80614141123458/21/6789", EpcProblem.MISSING_PARAMETER, "give its length in digits"),
                bad("https://id.gs1.org/01/80614141123459/21/6789", EpcProblem.CHECK_DIGIT, "GTIN 80614141123459 ends in 9, but its check digit is 8"),
                bad("https://id.gs1.org/01/8061414112345/21/6789", EpcProblem.FIELD_LENGTH, "has 13 digits, not 14"),
                bad("https://id.gs1.org/01/80614141123458", EpcProblem.MALFORMED_URI, "a GTIN without serial"),
                bad("https://id.gs1.org/8003/09521141123454", EpcProblem.MALFORMED_URI, "a GRAI without serial"),
                bad("https://id.gs1.org/414/9521141123455", EpcProblem.CHECK_DIGIT, "GLN 9521141123455 ends in 5, but its check digit is 4"),
                bad("https://id.gs1.org/10/ABC123", EpcProblem.MALFORMED_URI, "the path ends in no GS1 key of an EPC"),
                bad("https://id.gs1.org", EpcProblem.MALFORMED_URI, "no path after the host"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badHex")
    void badHexIsRefusedNamingInputAndField(String hex, EpcProblem problem, String detail) {
        assertThatThrownBy(() -> EpcBinaryEncoding.decode(hex)).isInstanceOfSatisfying(InvalidEpcException.class, e -> {
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.input()).isEqualTo(hex);
            assertThat(e.detail()).contains(detail);
        });
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badUris")
    void badUrisAreRefusedNamingInputAndField(String uri, EpcProblem problem, String detail) {
        EncodingChoices choices = problem == EpcProblem.MISSING_PARAMETER ? EncodingChoices.DEFAULTS : new EncodingChoices(0, null, 7);
        assertThatThrownBy(() -> EpcUris.parse(uri, choices)).isInstanceOfSatisfying(InvalidEpcException.class, e -> {
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.input()).isEqualTo(uri);
            assertThat(e.detail()).contains(detail);
        });
    }

    @Test
    void choicesThatDoNotFitThePureIdentityAreRefused() {
        String uri = "urn:epc:id:sgtin:0614141.812345.6789";
        assertThatThrownBy(() -> EpcUris.parse(uri, new EncodingChoices(0, 170, null))).isInstanceOfSatisfying(InvalidEpcException.class,
                e -> assertThat(e.detail()).isEqualTo("no SGTIN encoding has 170 bits: sgtin-96, sgtin-198"));
        assertThatThrownBy(() -> EpcUris.parse(uri, new EncodingChoices(9, null, null))).isInstanceOfSatisfying(InvalidEpcException.class,
                e -> assertThat(e).extracting(InvalidEpcException::problem, InvalidEpcException::input)
                        .containsExactly(EpcProblem.OUT_OF_RANGE, uri));
        assertThatThrownBy(() -> EpcUris.parse("urn:epc:id:sgtin:0614141.812345.67a9", new EncodingChoices(0, 96, null)))
                .isInstanceOfSatisfying(InvalidEpcException.class, e -> assertThat(e.problem()).isEqualTo(EpcProblem.NON_NUMERIC));
        assertThatThrownBy(() -> EpcUris.parse("https://id.gs1.org/01/80614141123458/21/6789", new EncodingChoices(0, null, 13)))
                .isInstanceOfSatisfying(InvalidEpcException.class, e -> assertThat(e.problem()).isEqualTo(EpcProblem.OUT_OF_RANGE));
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        String largest = EpcUris.tag(SGTIN_URI + "274877906943").hex();
        assertThat(largest).as("38 one bits").isEqualTo("3074257BF7194E7FFFFFFFFF");
        assertThat(EpcBinaryEncoding.decode(largest).identity().serial()).isEqualTo("274877906943");
        assertThat(EpcUris.tag(SGTIN_URI + "0").identity().serial()).isEqualTo("0");
        assertThat(EpcBinaryEncoding.decode(SGTIN + "0000").tagUri()).isEqualTo(SGTIN_URI + "6789");
        assertThat(EpcBinaryEncoding.decode(SGTIN.toLowerCase()).tagUri()).isEqualTo(SGTIN_URI + "6789");
        assertThat(EpcUris.tag("urn:epc:tag:sgtin-96:7.0614141.812345.1").filterMeaning())
                .isEqualTo("Unit inside Trade Item or component inside a product not intended for individual sale");
        assertThat(EpcUris.tag("urn:epc:tag:sscc-96:5.0614141.1234567890").filterMeaning()).as("reserved values decode too (TDS 10.1)")
                .isEqualTo("Reserved");
    }

    private static Arguments bad(String input, EpcProblem problem, String detail) {
        return Arguments.of(input, problem, detail);
    }

    /** Hex of {@code bits} bits (padded to whole words) from (width, value) pairs, most significant field first. */
    static String hex(int bits, long... widthsAndValues) {
        BigInteger value = BigInteger.ZERO;
        int used = 0;
        for (int i = 0; i < widthsAndValues.length; i += 2) {
            value = value.shiftLeft((int) widthsAndValues[i]).or(BigInteger.valueOf(widthsAndValues[i + 1]));
            used += (int) widthsAndValues[i];
        }
        int words = (bits + 15) / 16;
        String hex = value.shiftLeft(words * 16 - used).toString(16).toUpperCase();
        return "0".repeat(words * 4 - hex.length()) + hex;
    }

    /** SGTIN-198 of 0614141.812345 whose serial holds these 7-bit values, zeros after. */
    private static String sgtin198(int... characters) {
        long[] fields = new long[10 + 2 * characters.length];
        long[] head = {8, 0x36, 3, 3, 3, 5, 24, 614141, 20, 812345};
        System.arraycopy(head, 0, fields, 0, head.length);
        for (int i = 0; i < characters.length; i++) {
            fields[10 + 2 * i] = 7;
            fields[11 + 2 * i] = characters[i];
        }
        return hex(198, fields);
    }

    /** GIAI-202 with a 12-digit company prefix and {@code length} 'A's (18 at most fit), its last bit set if asked. */
    private static String giai202(int length, boolean lastBit) {
        long[] fields = new long[8 + 2 * length + 2];
        long[] head = {8, 0x38, 3, 3, 3, 0, 40, 614141123456L};
        System.arraycopy(head, 0, fields, 0, head.length);
        for (int i = 0; i < length; i++) {
            fields[8 + 2 * i] = 7;
            fields[9 + 2 * i] = 'A';
        }
        fields[fields.length - 2] = 148 - 7 * length;
        fields[fields.length - 1] = lastBit ? 1 : 0;
        return hex(202, fields);
    }
}
