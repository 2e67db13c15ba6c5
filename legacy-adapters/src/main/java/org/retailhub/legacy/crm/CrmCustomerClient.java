package org.retailhub.legacy.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The CRM's customer API over HTTP (JSON, parsed with Jackson). The HTTP exchange itself is handed in
 * ({@link JsonExchange}: the application gives the hub's time-outs, retries and circuit breaker), so this module
 * keeps only the CRM's paths and format. A refusal of the CRM (e.g. 422 for an invalid email) is an
 * {@link IllegalStateException} with the CRM's problem detail.
 */
public class CrmCustomerClient implements CrmCustomers {

    /** One JSON call: method, address, body (or null) and idempotency key (or null); answers the parsed body. */
    @FunctionalInterface
    public interface JsonExchange {
        JsonNode call(String method, URI uri, Object body, String idempotencyKey);
    }

    private static final String CUSTOMERS = "/crm/api/customers";

    private final Supplier<URI> baseUrl;
    private final JsonExchange calls;
    private final ObjectMapper json;
    private final int pageSize;

    public CrmCustomerClient(Supplier<URI> baseUrl, JsonExchange calls, ObjectMapper json, int pageSize) {
        this.baseUrl = baseUrl;
        this.calls = calls;
        this.json = json;
        this.pageSize = pageSize;
    }

    @Override
    public List<CrmCustomer> all() {
        List<CrmCustomer> customers = new ArrayList<>();
        long pages = 1;
        for (int page = 0; page < pages; page++) {
            JsonNode answer = calls.call("GET", baseUrl.get().resolve(CUSTOMERS + "?page=" + page + "&size=" + pageSize), null, null);
            answer.path("customers").forEach(c -> customers.add(customer(c)));
            pages = answer.path("totalPages").asLong(0);
        }
        return customers;
    }

    @Override
    public CrmCustomer get(String customerNo) {
        return customer(calls.call("GET", baseUrl.get().resolve(CUSTOMERS + "/" + customerNo), null, null));
    }

    @Override
    public CrmCustomer create(CrmCustomer customer) {
        return customer(calls.call("POST", baseUrl.get().resolve(CUSTOMERS), customer, "create:" + customer.externalRef()));
    }

    @Override
    public CrmCustomer update(String customerNo, CrmCustomer customer) {
        return customer(calls.call("PUT", baseUrl.get().resolve(CUSTOMERS + "/" + customerNo), customer, "update:" + customerNo));
    }

    private CrmCustomer customer(JsonNode node) {
        try {
            return json.treeToValue(node, CrmCustomer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the CRM answered a customer the hub cannot read: " + e.getOriginalMessage(), e);
        }
    }
}
