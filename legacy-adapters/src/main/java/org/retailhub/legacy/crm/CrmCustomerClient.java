package org.retailhub.legacy.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.retailhub.domain.shared.RefusedInputException;

/**
 * The CRM's customer API over HTTP (JSON, parsed with Jackson). The HTTP exchange itself is handed in
 * ({@link JsonExchange}: the application gives the hub's time-outs, retries and circuit breaker), so this module
 * keeps only the CRM's paths and format. A refusal of the CRM (e.g. 422 for an invalid email) is an
 * {@link IllegalStateException} with the CRM's problem detail. Every answer is read strictly ({@link CrmAnswers}): an
 * answer the hub cannot read is refused whole ({@link RefusedInputException} naming the call and what is wrong), so no
 * caller acts on part of it (a customer left out of a list would look retired).
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
    private final CrmAnswers answers;
    private final int pageSize;

    public CrmCustomerClient(Supplier<URI> baseUrl, JsonExchange calls, ObjectMapper json, int pageSize) {
        this.baseUrl = baseUrl;
        this.calls = calls;
        this.answers = new CrmAnswers(json);
        this.pageSize = pageSize;
    }

    @Override
    public List<CrmCustomer> all() {
        List<CrmCustomer> customers = new ArrayList<>();
        long pages = 1;
        for (int page = 0; page < pages; page++) {
            String call = "GET " + CUSTOMERS + "?page=" + page;
            CrmAnswers.Page answer = answers.page(call, calls.call("GET", baseUrl.get().resolve(CUSTOMERS + "?page=" + page + "&size=" + pageSize), null, null));
            customers.addAll(answer.customers());
            pages = answer.totalPages();
        }
        return customers;
    }

    @Override
    public CrmCustomer get(String customerNo) {
        return answers.customer("GET " + CUSTOMERS + "/" + customerNo,
                calls.call("GET", baseUrl.get().resolve(CUSTOMERS + "/" + customerNo), null, null));
    }

    @Override
    public CrmCustomer create(CrmCustomer customer) {
        return answers.customer("POST " + CUSTOMERS,
                calls.call("POST", baseUrl.get().resolve(CUSTOMERS), customer, "create:" + customer.externalRef()));
    }

    @Override
    public CrmCustomer update(String customerNo, CrmCustomer customer) {
        return answers.customer("PUT " + CUSTOMERS + "/" + customerNo,
                calls.call("PUT", baseUrl.get().resolve(CUSTOMERS + "/" + customerNo), customer, "update:" + customerNo));
    }
}
