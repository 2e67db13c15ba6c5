package org.retailhub.connectors.cdc;

import java.net.URI;
import org.retailhub.domain.consistency.Island;

/** An island's database as the capture engine reaches it ({@code jdbc:postgresql://host:port/database}). */
public record CapturedDatabase(Island island, String jdbcUrl) {

    URI uri() {
        return URI.create(jdbcUrl.substring("jdbc:".length()));
    }

    String host() {
        return uri().getHost();
    }

    int port() {
        int port = uri().getPort();
        return port < 0 ? 5432 : port;
    }

    String database() {
        return uri().getPath().substring(1);
    }
}
