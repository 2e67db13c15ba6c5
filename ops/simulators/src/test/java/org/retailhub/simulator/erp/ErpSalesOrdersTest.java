package org.retailhub.simulator.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ERP's sales-order intake over HTTP: one sales order per key, the first answer again for a repeat, a refusal as a problem. */
class ErpSalesOrdersTest {

    private static final String ORDER = """
            {"channel":"WEB","externalId":"W-1","plant":"STORE-001","paymentMethod":"CARD","lines":[{"item":1,"material":"SKU-0001","quantity":2}]}""";

    private final ErpDeliverySimulator erp = ErpDeliverySimulator.start(0);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        erp.close();
    }

    @Test
    void aRepeatedHandoverGetsTheFirstAnswerAndBooksNothingTwice() throws Exception {
        HttpResponse<String> first = post("WEB:W-1", ORDER);
        HttpResponse<String> again = post("WEB:W-1", ORDER);
        HttpResponse<String> other = post("WEB:W-2", ORDER.replace("W-1", "W-2"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"status\":\"BOOKED\"", "\"salesOrder\":\"0000000001\"");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(other.body()).contains("\"salesOrder\":\"0000000002\"");
        assertThat(erp.salesOrders()).containsOnlyKeys("WEB:W-1", "WEB:W-2");
        assertThat(erp.salesOrderRequests()).isEqualTo(3);
    }

    @Test
    void anOrderWithoutKeyPlantOrLinesIsRefusedAsAProblem() throws Exception {
        HttpResponse<String> noLines = post("WEB:W-3", ORDER.replaceAll("\"lines\":\\[.*]", "\"lines\":[]"));
        HttpResponse<String> noPlant = post("WEB:W-4", ORDER.replace("\"plant\":\"STORE-001\"", "\"plant\":\"\""));
        HttpResponse<String> noKey = post(null, ORDER);

        assertThat(noLines.statusCode()).isEqualTo(400);
        assertThat(noLines.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(noLines.body()).contains("without lines");
        assertThat(noPlant.body()).contains("without plant");
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(erp.salesOrders()).isEmpty();
    }

    private HttpResponse<String> post(String key, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(erp.baseUrl().resolve("/erp/sales-orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
