package org.retailhub.domain.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.engine.SourceOfRandomness;

/**
 * Broken variants of a well-formed inbound message, for property tests of every format: a null in every position,
 * wrong types, missing and duplicated fields, huge numbers and strings, deep nesting, truncation, byte order marks,
 * CRLF line ends and invalid UTF-8. Each variant says what was broken where, so jqwik's statistics show the mix.
 */
public final class BrokenInputs {

    public enum Kind { NULL, WRONG_TYPE, MISSING, DUPLICATED, HUGE_NUMBER, HUGE_STRING, DEEP_NESTING, TRUNCATED, BOM, CRLF, INVALID_UTF8 }

    /** A broken message: what was done, where, and its bytes. */
    public record Broken(Kind kind, String where, byte[] bytes) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return kind + " at " + where + " (" + bytes.length + " bytes)";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HUGE_NUMBER = "9".repeat(400);
    private static final List<String> WRONG_VALUES = List.of("abc", "-1", "0", "1.5", "1e308", "true", "\u0000", " ", "ÄÖÜ€", "%s%n",
            "' OR '1'='1", "<x/>", "{}", "[]");
    private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80});

    private BrokenInputs() {
    }

    /**
     * {@code count} broken messages drawn with {@code seed} (the same seed, the same messages), for tests that send
     * them through a real transport instead of calling a reader inside a property.
     */
    public static List<Broken> sample(Arbitrary<Broken> broken, int count, long seed) {
        SourceOfRandomness.create(Long.toString(seed));
        return broken.sampleStream().limit(count).toList();
    }

    /** Breakage at the level of bytes and lines, which every format meets. */
    public static Arbitrary<Broken> bytes(byte[] wellFormed) {
        int length = wellFormed.length;
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, length - 1).map(cut -> new Broken(Kind.TRUNCATED, "byte " + cut, slice(wellFormed, 0, cut))),
                Arbitraries.of(true, false).map(twice -> new Broken(Kind.BOM, twice ? "start, twice" : "start",
                        join(twice ? bom(bom(new byte[0])) : bom(new byte[0]), wellFormed))),
                Arbitraries.of(true, false).map(all -> new Broken(Kind.CRLF, all ? "every line" : "last line",
                        (all ? new String(wellFormed, StandardCharsets.UTF_8).replace("\n", "\r\n")
                                : new String(wellFormed, StandardCharsets.UTF_8).stripTrailing() + "\r\n").getBytes(StandardCharsets.UTF_8))),
                Combinators.combine(Arbitraries.integers().between(0, length), Arbitraries.of(INVALID_UTF8)).as((at, bad) ->
                        new Broken(Kind.INVALID_UTF8, "byte " + at, join(join(slice(wellFormed, 0, at), bad), slice(wellFormed, at, length)))),
                Arbitraries.integers().between(100_000, 300_000).map(n -> new Broken(Kind.HUGE_STRING, "end",
                        join(wellFormed, "X".repeat(n).getBytes(StandardCharsets.UTF_8)))));
    }

    /** A JSON message broken field by field (every position of the tree) and byte by byte. */
    public static Arbitrary<Broken> json(String wellFormed) {
        JsonNode tree = read(wellFormed);
        List<String> positions = new ArrayList<>();
        collect(tree, "", positions);
        List<String> fields = positions.stream().filter(p -> p.matches(".*/[^0-9/][^/]*")).toList();
        Arbitrary<String> anywhere = Arbitraries.of(positions);
        return Arbitraries.oneOf(
                anywhere.map(p -> new Broken(Kind.NULL, p, withRaw(tree, p, "null"))),
                Combinators.combine(anywhere, Arbitraries.of("\"abc\"", "\"12\"", "12", "-1", "1.5", "true", "false", "{}", "[]", "[null]",
                        "{\"a\":1}", "\"\"", "\"\\u0000\"")).as((p, value) -> new Broken(Kind.WRONG_TYPE, p + " = " + value, withRaw(tree, p, value))),
                Arbitraries.of(fields).map(p -> new Broken(Kind.MISSING, p, utf8(without(tree, p).toString()))),
                Combinators.combine(Arbitraries.of(fields), Arbitraries.of(true, false)).as((p, same) ->
                        new Broken(Kind.DUPLICATED, p, duplicated(tree, p, same))),
                Combinators.combine(anywhere, Arbitraries.of(HUGE_NUMBER, "-" + HUGE_NUMBER, "1e999999999", "0." + HUGE_NUMBER,
                        "2147483648", "9223372036854775808")).as((p, n) -> new Broken(Kind.HUGE_NUMBER, p + " = " + abbreviate(n), withRaw(tree, p, n))),
                Combinators.combine(anywhere, Arbitraries.integers().between(1_000, 300_000)).as((p, n) ->
                        new Broken(Kind.HUGE_STRING, p + " (" + n + " chars)", withRaw(tree, p, "\"" + "x".repeat(n) + "\""))),
                Combinators.combine(anywhere, Arbitraries.integers().between(500, 5_000)).as((p, depth) ->
                        new Broken(Kind.DEEP_NESTING, p + " (" + depth + " levels)", withRaw(tree, p, "[".repeat(depth) + "]".repeat(depth)))),
                bytes(utf8(wellFormed)));
    }

    /** A message of records and separated fields (a till record, a CSV line) broken field by field and byte by byte. */
    public static Arbitrary<Broken> delimited(String wellFormed, String separator, int firstLine) {
        List<String> lines = List.of(wellFormed.split("\n", -1));
        List<int[]> positions = new ArrayList<>();
        for (int l = firstLine; l < lines.size(); l++) {
            if (!lines.get(l).isEmpty()) {
                for (int f = 0; f < lines.get(l).split(Pattern.quote(separator), -1).length; f++) {
                    positions.add(new int[] {l, f});
                }
            }
        }
        Arbitrary<int[]> anywhere = Arbitraries.of(positions);
        return Arbitraries.oneOf(
                anywhere.map(p -> field(lines, separator, p, Kind.NULL, v -> "")),
                Combinators.combine(anywhere, Arbitraries.of(WRONG_VALUES)).as((p, w) -> field(lines, separator, p, Kind.WRONG_TYPE, v -> w)),
                anywhere.map(p -> field(lines, separator, p, Kind.MISSING, null)),
                anywhere.map(p -> field(lines, separator, p, Kind.DUPLICATED, v -> v + separator + v)),
                Arbitraries.integers().between(firstLine, lines.size() - 1).map(l -> {
                    List<String> copy = new ArrayList<>(lines);
                    copy.add(l, lines.get(l));
                    return new Broken(Kind.DUPLICATED, "line " + l, utf8(String.join("\n", copy)));
                }),
                Combinators.combine(anywhere, Arbitraries.of(HUGE_NUMBER, "-" + HUGE_NUMBER, "1e999999999", "2147483648"))
                        .as((p, n) -> field(lines, separator, p, Kind.HUGE_NUMBER, v -> n)),
                Combinators.combine(anywhere, Arbitraries.integers().between(1_000, 100_000))
                        .as((p, n) -> field(lines, separator, p, Kind.HUGE_STRING, v -> "X".repeat(n))),
                Combinators.combine(anywhere, Arbitraries.integers().between(500, 5_000))
                        .as((p, depth) -> field(lines, separator, p, Kind.DEEP_NESTING, v -> "(".repeat(depth) + v + ")".repeat(depth))),
                bytes(utf8(wellFormed)));
    }

    /** An XML document broken element by element and byte by byte. */
    public static Arbitrary<Broken> xml(String wellFormed) {
        Matcher element = Pattern.compile("<([A-Z0-9_]+)>([^<]*)</\\1>").matcher(wellFormed);
        List<int[]> leaves = new ArrayList<>();
        while (element.find()) {
            leaves.add(new int[] {element.start(), element.end(), element.start(2), element.end(2)});
        }
        Arbitrary<int[]> anywhere = Arbitraries.of(leaves);
        return Arbitraries.oneOf(
                anywhere.map(e -> leaf(wellFormed, e, Kind.NULL, v -> "")),
                Combinators.combine(anywhere, Arbitraries.of(WRONG_VALUES)).as((e, w) -> leaf(wellFormed, e, Kind.WRONG_TYPE,
                        v -> w.replace("&", "&amp;").replace("<x/>", "<X>1</X>").replace("\u0000", "&#0;"))),
                anywhere.map(e -> new Broken(Kind.MISSING, wellFormed.substring(e[0], e[1]),
                        utf8(wellFormed.substring(0, e[0]) + wellFormed.substring(e[1])))),
                anywhere.map(e -> new Broken(Kind.DUPLICATED, wellFormed.substring(e[0], e[1]),
                        utf8(wellFormed.substring(0, e[1]) + wellFormed.substring(e[0], e[1]) + wellFormed.substring(e[1])))),
                Combinators.combine(anywhere, Arbitraries.of(HUGE_NUMBER, "-" + HUGE_NUMBER, "1e999999999", "2147483648"))
                        .as((e, n) -> leaf(wellFormed, e, Kind.HUGE_NUMBER, v -> n)),
                Combinators.combine(anywhere, Arbitraries.integers().between(1_000, 100_000)).as((e, n) -> leaf(wellFormed, e, Kind.HUGE_STRING,
                        v -> "X".repeat(n))),
                Combinators.combine(anywhere, Arbitraries.integers().between(500, 5_000)).as((e, depth) -> leaf(wellFormed, e, Kind.DEEP_NESTING,
                        v -> "<N>".repeat(depth) + v + "</N>".repeat(depth))),
                bytes(utf8(wellFormed)));
    }

    private static Broken leaf(String doc, int[] e, Kind kind, java.util.function.UnaryOperator<String> value) {
        String old = doc.substring(e[2], e[3]);
        return new Broken(kind, doc.substring(e[0], e[2]), utf8(doc.substring(0, e[2]) + value.apply(old) + doc.substring(e[3])));
    }

    private static Broken field(List<String> lines, String separator, int[] at, Kind kind, java.util.function.UnaryOperator<String> value) {
        List<String> fields = new ArrayList<>(List.of(lines.get(at[0]).split(Pattern.quote(separator), -1)));
        if (value == null) {
            fields.remove(at[1]);
        } else {
            fields.set(at[1], value.apply(fields.get(at[1])));
        }
        List<String> copy = new ArrayList<>(lines);
        copy.set(at[0], String.join(separator, fields));
        return new Broken(kind, "line " + at[0] + " field " + at[1], utf8(String.join("\n", copy)));
    }

    private static void collect(JsonNode node, String at, List<String> positions) {
        if (!at.isEmpty()) {
            positions.add(at);
        }
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(f -> collect(node.get(f), at + "/" + f, positions));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), at + "/" + i, positions);
            }
        }
    }

    /** The tree with the value at {@code at} replaced by raw JSON text (which may be no valid JSON value at all). */
    private static byte[] withRaw(JsonNode tree, String at, String raw) {
        JsonNode copy = tree.deepCopy();
        String marker = "\u0001REPLACED\u0001";
        put(copy, at, new TextNode(marker));
        return utf8(copy.toString().replace("\"\\u0001REPLACED\\u0001\"", raw));
    }

    private static JsonNode without(JsonNode tree, String at) {
        JsonNode copy = tree.deepCopy();
        int slash = at.lastIndexOf('/');
        JsonNode parent = at.substring(0, slash).isEmpty() ? copy : copy.at(at.substring(0, slash));
        if (parent instanceof ObjectNode object) {
            object.remove(at.substring(slash + 1));
        }
        return copy;
    }

    /** The object holding {@code at} with that field written twice: the same value, or a different one second. */
    private static byte[] duplicated(JsonNode tree, String at, boolean sameValue) {
        String field = at.substring(at.lastIndexOf('/') + 1);
        JsonNode value = tree.at(at);
        String pair = JSON.valueToTree(field).toString() + ":";
        String second = sameValue ? value.toString() : value.isTextual() ? "\"other\"" : "\"" + value + "x\"";
        byte[] marked = withRaw(tree, at, value.toString() + "," + pair + second);
        return marked;
    }

    private static void put(JsonNode root, String at, JsonNode value) {
        int slash = at.lastIndexOf('/');
        JsonNode parent = at.substring(0, slash).isEmpty() ? root : root.at(at.substring(0, slash));
        String key = at.substring(slash + 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(key), value);
        } else if (parent instanceof ObjectNode object) {
            object.set(key, value);
        } else if (!(parent instanceof ContainerNode<?>)) {
            throw new IllegalArgumentException("no container at " + at);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a well-formed example: " + e.getMessage(), e);
        }
    }

    private static byte[] bom(byte[] bytes) {
        return join(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes);
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }

    private static byte[] join(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String value) {
        return value.length() <= 12 ? value : value.substring(0, 12) + "...";
    }
}
