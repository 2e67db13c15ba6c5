package org.retailhub.legacy.crm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.retailhub.domain.shared.RefusedInputException;

/**
 * Reads the CRM customer API's answers strictly, before the hub acts on them: a customer has a number {@code C} + 7
 * digits, a last name (at most 40 characters), a first name and an email the hub's customer record can hold (79 and
 * 120 characters), a loyalty balance that is not negative; a page has a list of customers and a page count. Anything else refuses the whole answer, with the call and the reason.
 */
final class CrmAnswers {

    /** One page of {@code GET /crm/api/customers}. */
    record Page(List<CrmCustomer> customers, long totalPages) {
    }

    private static final Pattern NUMBER = Pattern.compile("C[0-9]{7}");
    private static final int MAX_PAGES = 100_000;

    private final ObjectMapper json;

    @SuppressWarnings("deprecation") // MapperFeature on a copy: the shared mapper stays as Spring Boot made it
    CrmAnswers(ObjectMapper json) {
        this.json = json.copy()
                .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false)
                .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
    }

    Page page(String call, JsonNode answer) {
        return reading(call, () -> {
            JsonNode list = object(answer).path("customers");
            JsonNode pages = answer.path("totalPages");
            if (!list.isArray() || !pages.canConvertToExactIntegral() || pages.asLong() < 0 || pages.asLong() > MAX_PAGES) {
                throw new RefusedInputException("a page needs an array 'customers' and a whole 'totalPages' from 0 to " + MAX_PAGES);
            }
            List<CrmCustomer> customers = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                customers.add(customer(list.get(i), "customers[" + i + "]"));
            }
            return new Page(customers, pages.asLong());
        });
    }

    CrmCustomer customer(String call, JsonNode answer) {
        return reading(call, () -> customer(answer, "customer"));
    }

    /** Whatever reading the answer throws refuses it, named by the call. */
    private static <T> T reading(String call, java.util.function.Supplier<T> read) {
        try {
            return RefusedInputException.whileReading("CRM answer", read);
        } catch (RefusedInputException refused) {
            throw new RefusedInputException("CRM answer to " + call + ": " + refused.getMessage(), refused);
        }
    }

    private CrmCustomer customer(JsonNode node, String where) {
        CrmCustomer customer;
        try {
            customer = json.treeToValue(object(node), CrmCustomer.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RefusedInputException(where + ": " + e.getOriginalMessage());
        }
        if (customer.customerNo() == null || !NUMBER.matcher(customer.customerNo()).matches()) {
            throw new RefusedInputException(where + ": customerNo must be C and 7 digits");
        }
        if (customer.lastName() == null || customer.lastName().isBlank() || customer.lastName().length() > 40) {
            throw new RefusedInputException(where + " " + customer.customerNo() + ": lastName must be 1-40 characters");
        }
        if (customer.loyaltyPoints() != null && customer.loyaltyPoints() < 0) {
            throw new RefusedInputException(where + " " + customer.customerNo() + ": loyaltyPoints must not be negative");
        }
        if (!fits(customer.firstName(), 79) || !fits(customer.lastName(), 40) || !fits(customer.email(), 120) || !fits(customer.externalRef(), 200)) {
            throw new RefusedInputException(where + " " + customer.customerNo() + ": a name, email or reference is longer than the hub keeps"
                    + " or holds a NUL character");
        }
        return customer;
    }

    private static boolean fits(String text, int length) {
        return text == null || text.length() <= length && text.indexOf('\u0000') < 0;
    }

    private static JsonNode object(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new RefusedInputException("the answer is not a JSON object");
        }
        return node;
    }
}
