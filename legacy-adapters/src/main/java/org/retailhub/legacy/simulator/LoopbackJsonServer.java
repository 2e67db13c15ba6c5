package org.retailhub.legacy.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;

/** The HTTP server under a legacy system's simulator: loopback only, daemon threads, JSON answers. */
public final class LoopbackJsonServer implements AutoCloseable {

    private final HttpServer server;

    private LoopbackJsonServer(HttpServer server) {
        this.server = server;
    }

    /** Listens on {@code port} (0: any free port) and hands every request under {@code context} to the handler. */
    public static LoopbackJsonServer start(int port, String name, String context, HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 512);
            server.createContext(context, handler);
            server.setExecutor(Executors.newFixedThreadPool(32, r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return new LoopbackJsonServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(name + " could not listen on port " + port, e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    public static void send(HttpExchange exchange, int status, byte[] json) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        exchange.getResponseBody().write(json);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
