package org.retailhub.legacy.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.retailhub.domain.shared.RefusedInputException;

/**
 * The CRM's customer API over HTTP (JSON). The HTTP exchange itself is handed in ({@link JsonExchange}: the
 * application gives the hub's party-neutral client with the CRM customer API's own time-outs, retries and circuit
 * breaker, {@code hub.crm.customers.*}), so this module keeps only the CRM's paths and format. A refusal of the CRM
 * (e.g. 422 for an invalid email) is an {@link IllegalStateException} with the CRM's problem detail; a CRM that cannot
 * be reached is a {@link CrmUnavailableException}. Every answer is read strictly ({@link CrmAnswers}) into the
 * client's own {@link CrmCustomer}: an answer the hub cannot read is refused whole ({@link RefusedInputException}
 * naming the call and what is wrong), so no caller acts on part of it (a customer left out of a list would look
 * retired).
 */
public class CrmCustomerClient implements CrmCustomers {

    /**
     * One JSON call to the CRM: method, path under the CRM's address, body (or null for GET) and idempotency key (or
     * null); answers the parsed body, or throws {@link CrmUnavailableException} when the CRM cannot be reached.
     */
    @FunctionalInterface
    public interface JsonExchange {
        JsonNode call(String method, String path, Object body, String idempotencyKey);
    }

    private static final String CUSTOMERS = "/crm/api/customers";

    private final JsonExchange calls;
    private final CrmAnswers answers;
    private final int pageSize;

    public CrmCustomerClient(JsonExchange calls, ObjectMapper json, int pageSize) {
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
            CrmAnswers.Page answer = answers.page(call, calls.call("GET", CUSTOMERS + "?page=" + page + "&size=" + pageSize, null, null));
            customers.addAll(answer.customers());
            pages = answer.totalPages();
        }
        return customers;
    }

    @Override
    public CrmCustomer get(String customerNo) {
        return answers.customer("GET " + CUSTOMERS + "/" + customerNo, calls.call("GET", CUSTOMERS + "/" + customerNo, null, null));
    }

    @Override
    public CrmCustomer create(CrmCustomer customer) {
        return answers.customer("POST " + CUSTOMERS, calls.call("POST", CUSTOMERS, customer, "create:" + customer.externalRef()));
    }

    @Override
    public CrmCustomer update(String customerNo, CrmCustomer customer) {
        return answers.customer("PUT " + CUSTOMERS + "/" + customerNo,
                calls.call("PUT", CUSTOMERS + "/" + customerNo, customer, "update:" + customerNo));
    }
}
