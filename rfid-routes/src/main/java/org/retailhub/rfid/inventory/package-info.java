/**
 * RFID inventory: EPC decoding, read smoothing, EPCIS 2.0 events and cycle-count stock corrections.
 * Empty until the RFID issue lands; the module exists so the reactor has its final shape.
 */
package org.retailhub.rfid.inventory;
