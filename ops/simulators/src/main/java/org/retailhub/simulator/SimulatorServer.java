package org.retailhub.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The HTTP server under every simulator: loopback only, daemon threads, JSON answers. */
public final class SimulatorServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;

    private SimulatorServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /**
     * Listens on {@code port} of the loopback address (0: any free port) and hands every request under each context
     * path to its handler, on up to {@code threads} threads (a provider answers many callers at once: its simulated
     * latency must not queue them behind each other).
     */
    public static SimulatorServer start(String name, int port, int threads, Map<String, HttpHandler> contexts) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
            contexts.forEach(server::createContext);
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(pool);
            server.start();
            return new SimulatorServer(server, pool);
        } catch (IOException e) {
            throw new UncheckedIOException(name + " could not listen on port " + port, e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public static void send(HttpExchange exchange, int status, byte[] json) throws IOException {
        send(exchange, status, "application/json", json);
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
