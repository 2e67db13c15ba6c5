package org.retailhub.legacy.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.retailhub.domain.shared.RefusedInputException;
import org.retailhub.domain.support.BrokenInputs;
import org.retailhub.domain.support.BrokenInputs.Broken;

/**
 * Generated broken answers of the CRM's customer API: the client either reads every customer of the answer (with a
 * number, a last name and a balance the hub can hold) or refuses the whole answer with the call and the reason, so no
 * caller acts on part of it; the well-formed answer to the next call is read.
 */
class CrmAnswersTest {

    static final String CUSTOMER = """
            {"customerNo":"C0000123","salutation":"Ms","firstName":"Anna","lastName":"Berg","email":"Anna.Berg@example.org","phone":"+49 30 1",
             "loyaltyPoints":120,"tier":"GOLD","active":true,"externalRef":"CU100001","modifiedBy":"hub","modifiedAt":"2026-11-25T10:15:00Z"}""";
    static final String PAGE = "{\"customers\":[" + CUSTOMER + "," + CUSTOMER.replace("C0000123", "C0000124") + "],\"totalPages\":1,\"page\":0}";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Property(tries = 3000)
    void aBrokenAnswerIsReadWholeOrRefusedWhole(@ForAll("brokenPages") Broken broken) {
        Statistics.collect(broken.kind());
        Deque<String> answers = new ArrayDeque<>(List.of(broken.text(), CUSTOMER));
        CrmCustomerClient client = new CrmCustomerClient((method, path, body, key) -> parsed(answers.pop()), JSON, 50);
        List<CrmCustomer>[] read = new List[1];
        Throwable failure = catchThrowable(() -> read[0] = client.all());
        if (failure != null) {
            assertThat(failure).isInstanceOf(RefusedInputException.class);
            assertThat(failure.getMessage()).isNotBlank();
        } else {
            assertThat(read[0]).allSatisfy(c -> {
                assertThat(c.customerNo()).matches("C[0-9]{7}");
                assertThat(c.lastName()).isNotBlank().hasSizeLessThanOrEqualTo(40);
            });
        }
        // a broken page may name more pages than it has, so the call may have taken the next answer as well
        answers.clear();
        answers.add(CUSTOMER);
        assertThat(client.get("C0000123").lastName()).isEqualTo("Berg");
    }

    /**
     * What the HTTP exchange hands over: the parsed body. A body that is no JSON at all is the exchange's to refuse
     * (today the application's resilient client treats it as a failed call); here it is refused like the rest.
     */
    private static JsonNode parsed(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new RefusedInputException("the CRM answered no JSON: " + e.getMessage());
        }
    }

    @Provide
    Arbitrary<Broken> brokenPages() {
        return Arbitraries.oneOf(BrokenInputs.json(PAGE), BrokenInputs.json(CUSTOMER)
                .map(b -> new Broken(b.kind(), "customers/0" + b.where(), BrokenInputs.utf8("{\"customers\":[" + b.text() + "],\"totalPages\":1}"))));
    }
}
