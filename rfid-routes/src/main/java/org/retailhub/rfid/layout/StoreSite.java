package org.retailhub.rfid.layout;

import java.time.ZoneId;
import java.util.Map;
import org.retailhub.rfid.epc.EpcIdentity;
import org.retailhub.rfid.epc.EpcScheme;
import org.retailhub.rfid.epc.InvalidEpcException;

/**
 * A store as EPCIS names it: its GLN (13 digits with check digit, the first {@code companyPrefixDigits} of which are
 * the GS1 Company Prefix) and its zones. The store is the SGLN without extension
 * ({@code urn:epc:id:sgln:4012345.00001.0}), each zone the same SGLN with the zone's id as extension
 * ({@code urn:epc:id:sgln:4012345.00001.shelf-a}): the business location and the read points of the CBV. Its time
 * zone gives EPCIS events their local offset.
 */
public record StoreSite(String storeId, String gln, int companyPrefixDigits, ZoneId timeZone, Map<String, Zone> zones) {

    public StoreSite {
        zones = Map.copyOf(zones);
        if (timeZone == null) {
            throw new IllegalArgumentException("store " + storeId + " needs a time zone");
        }
        if (gln == null || !gln.matches("\\d{13}")) {
            throw new IllegalArgumentException("store " + storeId + ": a GLN has 13 digits, not '" + gln + "'");
        }
        EpcIdentity location = identity(gln, companyPrefixDigits, "0", storeId);
        if (!location.gs1Key().equals(gln)) {
            throw new IllegalArgumentException("store " + storeId + ": GLN " + gln + " has a wrong check digit (" + location.gs1Key() + ")");
        }
        String prefixed = gln;
        int digits = companyPrefixDigits;
        String store = storeId;
        zones.forEach((id, zone) -> {
            if (!zone.storeId().equals(store) || !zone.id().equals(id)) {
                throw new IllegalArgumentException("zone " + zone.key() + " is listed under " + store + "/" + id);
            }
            identity(prefixed, digits, id, store);
        });
    }

    /** The store's SGLN, the business location of what is in it. */
    public String location() {
        return identity(gln, companyPrefixDigits, "0", storeId).pureIdentityUri();
    }

    /** The zone's SGLN, the read point of what is seen in it. */
    public String readPoint(Zone zone) {
        return identity(gln, companyPrefixDigits, zone.id(), storeId).pureIdentityUri();
    }

    public Zone zone(String id) {
        Zone zone = zones.get(id);
        if (zone == null) {
            throw new IllegalArgumentException("store " + storeId + " has no zone " + id);
        }
        return zone;
    }

    private static EpcIdentity identity(String gln, int prefixDigits, String extension, String storeId) {
        if (prefixDigits < 6 || prefixDigits > 12) {
            throw new IllegalArgumentException("store " + storeId + ": a GS1 Company Prefix has 6-12 digits, not " + prefixDigits);
        }
        try {
            return new EpcIdentity(EpcScheme.SGLN, gln.substring(0, prefixDigits), gln.substring(prefixDigits, 12), extension);
        } catch (InvalidEpcException e) {
            throw new IllegalArgumentException("store " + storeId + ": " + e.detail(), e);
        }
    }
}
