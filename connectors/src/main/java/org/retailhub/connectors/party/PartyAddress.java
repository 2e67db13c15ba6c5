package org.retailhub.connectors.party;

import java.net.URI;
import java.util.function.Supplier;

/**
 * Where a party answers instead of its configured base URL, e.g. its simulator in this JVM on a port chosen at start.
 * The application registers one per in-process simulator; {@link PartyClient#at} prefers it over the configuration.
 *
 * @param party   the party's name as {@link PartyClient} knows it ({@code psp}, {@code crm}, {@code crm-customers}, {@code erp})
 * @param baseUrl its address, asked at every call
 */
public record PartyAddress(String party, Supplier<URI> baseUrl) {
}
