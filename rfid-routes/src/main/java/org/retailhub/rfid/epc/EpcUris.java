package org.retailhub.rfid.epc;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Reads the three URI forms of an EPC: the tag URI ({@code urn:epc:tag:sgtin-96:3.0614141.812345.6789}, which says
 * everything the binary encoding needs), the pure identity URI ({@code urn:epc:id:sgtin:0614141.812345.6789}) and the
 * GS1 Digital Link URI ({@code https://id.gs1.org/01/80614141123458/21/6789}, any host), with the grammar of TDS 2.3
 * sections 5, 6.3 and 12.4 and the correspondence rules of section 7.
 */
public final class EpcUris {

    private static final String TAG = "urn:epc:tag:";
    private static final String PURE_IDENTITY = "urn:epc:id:";

    private EpcUris() {
    }

    /** The tag EPC a URI of any of the three forms stands for; {@code choices} fill in what a tag URI would have said. */
    public static TagEpc parse(String uri, EncodingChoices choices) {
        if (uri != null && uri.startsWith(TAG)) {
            return tag(uri);
        }
        if (uri != null && uri.startsWith(PURE_IDENTITY)) {
            return withEncoding(pureIdentity(uri), choices, uri);
        }
        if (uri != null && (uri.startsWith("https://") || uri.startsWith("http://"))) {
            return withEncoding(DigitalLinkUris.identity(uri, choices.companyPrefixDigits()), choices, uri);
        }
        throw new InvalidEpcException(EpcProblem.MALFORMED_URI, String.valueOf(uri), "neither a tag URI (" + TAG + "…), a pure identity URI ("
                + PURE_IDENTITY + "…) nor a GS1 Digital Link URI (https://…)");
    }

    /** {@code urn:epc:tag:<encoding>:<filter>.<company prefix>.<reference>[.<serial>]} */
    public static TagEpc tag(String uri) {
        String rest = uri.substring(TAG.length());
        if (rest.startsWith("[")) {
            throw new InvalidEpcException(EpcProblem.MALFORMED_URI, uri, "control fields such as [att=x01] are memory bank contents outside "
                    + "the EPC binary encoding; give the tag URI without them");
        }
        int colon = rest.indexOf(':');
        String name = colon < 0 ? rest : rest.substring(0, colon);
        TagEncoding encoding = TagEncoding.byUriName(name).orElseThrow(() -> new InvalidEpcException(EpcProblem.UNKNOWN_SCHEME, uri,
                "'" + name + "' is not a tag encoding the hub translates: " + names(Arrays.stream(TagEncoding.values()).map(TagEncoding::uriName))));
        String body = rest.substring(colon + 1);
        if (body.length() < 2 || body.charAt(1) != '.' || body.charAt(0) < '0' || body.charAt(0) > '7') {
            throw new InvalidEpcException(EpcProblem.MALFORMED_URI, uri, "a tag URI starts with the filter value, one digit 0-7, and a '.'");
        }
        EpcIdentity identity = body(encoding.scheme(), body.substring(2), uri);
        try {
            return new TagEpc(encoding, body.charAt(0) - '0', identity);
        } catch (InvalidEpcException e) {
            throw e.about(uri);
        }
    }

    /** {@code urn:epc:id:<scheme>:<company prefix>.<reference>[.<serial>]} */
    public static EpcIdentity pureIdentity(String uri) {
        String rest = uri.substring(PURE_IDENTITY.length());
        int colon = rest.indexOf(':');
        String name = colon < 0 ? rest : rest.substring(0, colon);
        EpcScheme scheme = EpcScheme.byUriName(name).orElseThrow(() -> new InvalidEpcException(EpcProblem.UNKNOWN_SCHEME, uri,
                "'" + name + "' is not an EPC scheme the hub translates: " + names(Arrays.stream(EpcScheme.values()).map(EpcScheme::uriName))));
        return body(scheme, rest.substring(colon + 1), uri);
    }

    /** The components after the scheme name; the last one may hold dots of its own, as TDS 6.3 allows. */
    private static EpcIdentity body(EpcScheme scheme, String body, String uri) {
        int components = scheme == EpcScheme.SSCC || scheme == EpcScheme.GIAI ? 2 : 3;
        String[] parts = body.split("\\.", scheme == EpcScheme.SSCC ? -1 : components);
        if (parts.length != components) {
            throw new InvalidEpcException(EpcProblem.MALFORMED_URI, uri, "a " + scheme.uriName() + " URI has " + components
                    + " components separated by '.', this has " + parts.length);
        }
        try {
            return switch (scheme) {
                case SSCC -> new EpcIdentity(scheme, parts[0], parts[1], null);
                case GIAI -> new EpcIdentity(scheme, parts[0], Gs1Characters.fromUri(parts[1], "individual asset reference", uri), null);
                default -> new EpcIdentity(scheme, parts[0], parts[1],
                        Gs1Characters.fromUri(parts[2], scheme == EpcScheme.SGLN ? "extension" : "serial", uri));
            };
        } catch (InvalidEpcException e) {
            throw e.about(uri);
        }
    }

    private static TagEpc withEncoding(EpcIdentity identity, EncodingChoices choices, String uri) {
        TagEncoding encoding = Arrays.stream(TagEncoding.values())
                .filter(e -> e.scheme() == identity.scheme())
                .filter(e -> choices.tagBits() == null ? e.fits(identity) : e.bits() == choices.tagBits())
                .findFirst()
                .orElseThrow(() -> new InvalidEpcException(EpcProblem.UNKNOWN_SCHEME, uri, "no " + identity.scheme().name()
                        + " encoding has " + choices.tagBits() + " bits: " + names(Arrays.stream(TagEncoding.values())
                        .filter(e -> e.scheme() == identity.scheme()).map(TagEncoding::uriName))));
        try {
            return new TagEpc(encoding, choices.filter(), identity);
        } catch (InvalidEpcException e) {
            throw e.about(uri);
        }
    }

    private static String names(Stream<String> names) {
        return String.join(", ", names.toList());
    }
}
