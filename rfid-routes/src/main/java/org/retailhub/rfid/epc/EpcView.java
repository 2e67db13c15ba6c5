package org.retailhub.rfid.epc;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One EPC in all its forms, as {@code GET /api/rfid/epc/{hex}} and {@code ops/scripts/epc.sh} answer it: the tag's
 * hex, encoding and filter, the URIs, the GS1 element string and key, and the fields of the scheme at hand (the
 * others are left out). Serial values are raw, as in the element string; the URIs carry them escaped.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EpcView(String hex, String scheme, String encoding, int bits, int filter, String filterMeaning,
                      String pureIdentityUri, String tagUri, String digitalLinkUri, String elementString, String companyPrefix,
                      String gtin, String itemReference, String serial,
                      String sscc, String serialReference,
                      String gln, String locationReference, String extension,
                      String grai, String assetType,
                      String giai, String individualAssetReference) {

    public static EpcView of(TagEpc tag) {
        EpcIdentity id = tag.identity();
        EpcScheme scheme = id.scheme();
        String key = id.gs1Key();
        return new EpcView(tag.hex(), scheme.uriName(), tag.encoding().uriName(), tag.encoding().bits(), tag.filter(), tag.filterMeaning(),
                id.pureIdentityUri(), tag.tagUri(), id.digitalLinkUri(), id.elementString(), id.companyPrefix(),
                scheme == EpcScheme.SGTIN ? key : null, scheme == EpcScheme.SGTIN ? id.reference() : null,
                scheme == EpcScheme.SGTIN || scheme == EpcScheme.GRAI ? id.serial() : null,
                scheme == EpcScheme.SSCC ? key : null, scheme == EpcScheme.SSCC ? id.reference() : null,
                scheme == EpcScheme.SGLN ? key : null, scheme == EpcScheme.SGLN ? id.reference() : null,
                scheme == EpcScheme.SGLN ? id.serial() : null,
                scheme == EpcScheme.GRAI ? key : null, scheme == EpcScheme.GRAI ? id.reference() : null,
                scheme == EpcScheme.GIAI ? key : null, scheme == EpcScheme.GIAI ? id.reference() : null);
    }
}
