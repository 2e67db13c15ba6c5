package org.retailhub.rfid.reads;

import java.util.Locale;

/** The reader message formats the hub reads; the MQTT topic a message arrives on says which one it is. */
public enum ReaderFormat {
    /** Zebra IoT Connector tag data events ({@link ZebraTagData}) */
    ZEBRA(new ZebraTagData()),
    /** Impinj IoT device interface tag inventory events ({@link ImpinjTagInventory}) */
    IMPINJ(new ImpinjTagInventory());

    private final VendorFormat format;

    ReaderFormat(VendorFormat format) {
        this.format = format;
    }

    VendorFormat format() {
        return format;
    }

    /** {@code zebra}, as topics name it. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
