package org.retailhub.rfid.epc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Round trips over the whole range of every field: any filter, any company prefix length (6-12 digits, leading zeros
 * included), any reference, serials from 0 to the largest the bits hold or 1 to 20 of GS1's 82 characters.
 */
class RoundTripTest {

    private static final String GS1_CHARACTERS = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    @Property(tries = 2000)
    void everyTagEpcSurvivesItsHexAndEachOfItsUris(@ForAll("tags") TagEpc tag) {
        EncodingChoices asOnTheTag = new EncodingChoices(tag.filter(), tag.encoding().bits(), tag.identity().companyPrefix().length());

        assertThat(EpcBinaryEncoding.decode(tag.hex())).isEqualTo(tag);
        assertThat(EpcBinaryEncoding.decode(tag.hex().toLowerCase())).isEqualTo(tag);
        assertThat(EpcUris.tag(tag.tagUri())).isEqualTo(tag);
        assertThat(EpcUris.parse(tag.identity().pureIdentityUri(), asOnTheTag)).isEqualTo(tag);
        assertThat(EpcUris.parse(tag.identity().digitalLinkUri(), asOnTheTag)).isEqualTo(tag);
    }

    @Property(tries = 500)
    void theHexFillsWholeWordsAsOnATag(@ForAll("tags") TagEpc tag) {
        assertThat(tag.hex()).hasSize((tag.encoding().bits() + 15) / 16 * 4).matches("[0-9A-F]+");
    }

    @Property(tries = 500)
    void withoutABitCountThePureIdentityTakesTheShortestEncodingThatHoldsIt(@ForAll("tags") TagEpc tag) {
        TagEpc chosen = EpcUris.parse(tag.identity().pureIdentityUri(), new EncodingChoices(tag.filter(), null, null));

        assertThat(chosen.identity()).isEqualTo(tag.identity());
        assertThat(chosen.encoding().bits()).isLessThanOrEqualTo(tag.encoding().bits());
    }

    /** Random bits behind a known header: either refused, naming the hex, or decoded into an EPC that encodes back to the very same bits. */
    @Property(tries = 3000)
    void anyBitsDecodeToTheEpcTheyEncodeOrAreRefused(@ForAll("randomTags") String hex) {
        Statistics.coverage(coverage -> {
            coverage.check("decoded").percentage(p -> p > 10);
            coverage.check("refused").percentage(p -> p > 10);
        });
        TagEpc tag;
        try {
            tag = EpcBinaryEncoding.decode(hex);
        } catch (InvalidEpcException e) {
            Statistics.collect("refused");
            assertThat(e.input()).isEqualTo(hex);
            return;
        }
        Statistics.collect("decoded");
        assertThat(tag.hex()).isEqualTo(hex);
    }

    @Property(tries = 500)
    void aDigitalLinkUriWithAWrongCheckDigitIsRefused(@ForAll("tags") TagEpc tag, @ForAll @IntRange(min = 1, max = 9) int shift) {
        EpcScheme scheme = tag.identity().scheme();
        Assume.that(scheme != EpcScheme.GIAI);
        String uri = tag.identity().digitalLinkUri();
        int keyStart = uri.indexOf('/', "https://id.gs1.org/".length()) + 1;
        int checkAt = keyStart + switch (scheme) {
            case SGTIN, GRAI -> 13;
            case SSCC -> 17;
            default -> 12;
        };
        char wrong = (char) ('0' + (uri.charAt(checkAt) - '0' + shift) % 10);
        String corrupted = uri.substring(0, checkAt) + wrong + uri.substring(checkAt + 1);

        assertThatThrownBy(() -> EpcUris.parse(corrupted, new EncodingChoices(0, null, tag.identity().companyPrefix().length())))
                .isInstanceOfSatisfying(InvalidEpcException.class, e -> assertThat(e.problem()).isEqualTo(EpcProblem.CHECK_DIGIT));
    }

    @Provide
    Arbitrary<TagEpc> tags() {
        return Arbitraries.of(TagEncoding.values()).flatMap(encoding -> Combinators.combine(Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(6, 12).flatMap(digits -> identities(encoding, digits)))
                .as((filter, identity) -> new TagEpc(encoding, filter, identity)));
    }

    @Provide
    Arbitrary<String> randomTags() {
        return Arbitraries.of(TagEncoding.values()).flatMap(encoding -> Arbitraries.bigIntegers()
                .between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(encoding.bits() - 8).subtract(BigInteger.ONE))
                .map(rest -> {
                    int words = (encoding.bits() + 15) / 16;
                    BigInteger bits = BigInteger.valueOf(encoding.header()).shiftLeft(encoding.bits() - 8).or(rest)
                            .shiftLeft(words * 16 - encoding.bits());
                    String hex = bits.toString(16).toUpperCase();
                    return "0".repeat(words * 4 - hex.length()) + hex;
                }));
    }

    private Arbitrary<EpcIdentity> identities(TagEncoding encoding, int prefixDigits) {
        Arbitrary<String> prefix = digits(prefixDigits);
        EpcScheme scheme = encoding.scheme();
        return switch (scheme) {
            case SGTIN -> Combinators.combine(prefix, digits(13 - prefixDigits), serials(encoding))
                    .as((c, r, s) -> new EpcIdentity(scheme, c, r, s));
            case SSCC -> Combinators.combine(prefix, digits(17 - prefixDigits)).as((c, r) -> new EpcIdentity(scheme, c, r, null));
            case SGLN, GRAI -> Combinators.combine(prefix, digits(12 - prefixDigits), serials(encoding))
                    .as((c, r, s) -> new EpcIdentity(scheme, c, r, s));
            case GIAI -> Combinators.combine(prefix, assetReferences(encoding, prefixDigits)).as((c, a) -> new EpcIdentity(scheme, c, a, null));
        };
    }

    private Arbitrary<String> serials(TagEncoding encoding) {
        return encoding.serialCoding() == TagEncoding.Coding.INTEGER ? upTo(encoding.serialBits())
                : characters(encoding.serialBits() / 7);
    }

    private Arbitrary<String> assetReferences(TagEncoding encoding, int prefixDigits) {
        PartitionTable.Row row = encoding.partitions().forCompanyPrefix(prefixDigits);
        return encoding.referenceCoding() == TagEncoding.Coding.INTEGER ? upTo(row.referenceBits()) : characters(row.referenceDigits());
    }

    private static Arbitrary<String> upTo(int bits) {
        return Arbitraries.longs().between(0, (1L << bits) - 1).map(String::valueOf);
    }

    private static Arbitrary<String> characters(int max) {
        return Arbitraries.strings().withChars(GS1_CHARACTERS.toCharArray()).ofMinLength(1).ofMaxLength(max);
    }

    private static Arbitrary<String> digits(int length) {
        return Arbitraries.strings().withCharRange('0', '9').ofLength(length);
    }
}
