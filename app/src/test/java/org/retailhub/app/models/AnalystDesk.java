package org.retailhub.app.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** What an analyst (or operator) does with the hub's model API over HTTP, for the end-to-end tests and the benchmark. */
final class AnalystDesk {

    private final RestClient http;
    private final ObjectMapper json = new ObjectMapper();

    /** Signs in as the DEV-ONLY Basic user of {@code role} (hub.security.mode=dev). */
    AnalystDesk(int port, String role) {
        http = RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .defaultHeaders(h -> h.setBasicAuth(role, role + "-dev-only")).build();
    }

    /** Uploads files (name → content): {@code .dmn}/{@code .bpmn} as models, anything else as scenario files. */
    ResponseEntity<String> upload(Map<String, String> files, String versionTag) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        files.forEach((name, content) -> parts.add(name.endsWith(".dmn") || name.endsWith(".bpmn") ? "files" : "scenarios",
                new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
                    @Override
                    public String getFilename() {
                        return name;
                    }
                }));
        return http.post().uri(u -> u.path("/api/models").queryParamIfPresent("versionTag", java.util.Optional.ofNullable(versionTag)).build())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(String.class);
    }

    ResponseEntity<String> get(String path) {
        return http.get().uri(path).retrieve().toEntity(String.class);
    }

    ResponseEntity<String> post(String path, String body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
    }

    JsonNode tree(ResponseEntity<String> answer) {
        try {
            return json.readTree(answer.getBody());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The repo's payment model, as an analyst opens it in Modeler. */
    static String paymentModel() {
        return model("payment/payment.bpmn");
    }

    /** A model of the repo ({@code payment/refund.bpmn}), as an analyst opens it in Modeler. */
    static String model(String path) {
        try (InputStream in = AnalystDesk.class.getResourceAsStream("/bpmn/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The repo's promotion table with {@code text} replaced: how an analyst's edit in Modeler looks to the hub. */
    static String pricingTable(String text, String replacement) {
        try (InputStream in = AnalystDesk.class.getResourceAsStream("/bpmn/order/order-pricing.dmn")) {
            String table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!table.contains(text)) {
                throw new IllegalArgumentException("the table has no " + text);
            }
            return table.replace(text, replacement);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** A scenario file for a table whose multi-buy rule gives {@code code} at {@code percent}. */
    static String multiBuyScenario(String code, int percent) {
        return """
                decision: order-pricing
                scenarios:
                  - name: three T-shirts on the web
                    given: {category: APPAREL, quantity: 3, loyaltyTier: NONE, channel: WEB}
                    expect:
                      results:
                        - {promotionCode: CATEGORY-APPAREL-10, discountPercent: 10}
                        - {promotionCode: %s, discountPercent: %d}
                """.formatted(code, percent);
    }
}
