package org.retailhub.routes.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.retailhub.domain.order.OrderRequest;
import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.shared.RefusedInputException;
import org.retailhub.domain.support.BrokenInputs;
import org.retailhub.domain.support.BrokenInputs.Broken;

/**
 * Generated broken channel messages (web/app/marketplace JSON and the till's sale record): reading each one either
 * yields a valid canonical order or refuses it with a reason, never anything else, so the route can dead-letter it;
 * and the well-formed message behind it on the partition is read as if nothing had happened.
 */
class ChannelMessagesTest {

    static final String WEB = """
            {"orderRef":"W-1001","store":"WEB-DC","customer":{"loyaltyTier":"GOLD","email":"x@example.org"},"allowPartialDelivery":false,
             "payment":{"method":"GIFT_CARD","giftCardNumber":"6036000000000001"},"couponCode":"welcome10","items":[{"sku":"SKU-0001","qty":2},{"sku":"SKU-0002","qty":1}]}""";
    static final String POS = "HDR;STORE-001;TILL-03;000123;20261125101500;GOLD\nITM;1;SKU-0001;2\nITM;2;SKU-0007;1\nTRL;2\n";

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private final ChannelOrderRoutes routes = new ChannelOrderRoutes(null, null, new OrderIntake(VALIDATOR, null, new SimpleMeterRegistry()),
            new ObjectMapper());

    @Property(tries = 3000)
    void aBrokenWebOrderIsReadOrRefusedWithAReason(@ForAll("brokenWebOrders") Broken broken, @ForAll Channel channel) {
        Channel json = channel == Channel.POS ? Channel.WEB : channel;
        Statistics.collect(broken.kind());
        refusedOrValid(json, broken);
        assertThat(routes.read(json, BrokenInputs.utf8(WEB)).externalId()).isEqualTo("W-1001");
    }

    @Property(tries = 3000)
    void aBrokenTillRecordIsReadOrRefusedWithAReason(@ForAll("brokenTillRecords") Broken broken) {
        Statistics.collect(broken.kind());
        refusedOrValid(Channel.POS, broken);
        assertThat(routes.read(Channel.POS, BrokenInputs.utf8(POS)).externalId()).isEqualTo("STORE-001-TILL-03-000123");
    }

    @Example
    void aByteOrderMarkAndWindowsLineEndsChangeNothing() {
        OrderRequest web = routes.read(Channel.WEB, BrokenInputs.utf8(WEB));
        assertThat(routes.read(Channel.WEB, BrokenInputs.utf8("\uFEFF" + WEB.replace("\n", "\r\n")))).isEqualTo(web);
        OrderRequest till = routes.read(Channel.POS, BrokenInputs.utf8(POS));
        assertThat(routes.read(Channel.POS, BrokenInputs.utf8("\uFEFF" + POS.replace("\n", "\r\n")))).isEqualTo(till);
    }

    @Example
    void wrongTypesAreRefusedNotCoerced() {
        for (String odd : new String[] {"\"qty\":\"2\"", "\"qty\":2.5", "\"qty\":true"}) {
            assertThat(catchThrowable(() -> routes.read(Channel.WEB, BrokenInputs.utf8(WEB.replace("\"qty\":2", odd)))))
                    .as(odd).isInstanceOf(RefusedInputException.class).hasMessageContaining("items[0].qty");
        }
        assertThat(catchThrowable(() -> routes.read(Channel.WEB, BrokenInputs.utf8(WEB.replace("\"W-1001\"", "1001")))))
                .isInstanceOf(RefusedInputException.class).hasMessageContaining("orderRef");
        assertThat(catchThrowable(() -> routes.read(Channel.WEB, BrokenInputs.utf8(WEB.replace("\"GOLD\"", "1")))))
                .isInstanceOf(RefusedInputException.class).hasMessageContaining("loyaltyTier");
        assertThat(catchThrowable(() -> routes.read(Channel.WEB, BrokenInputs.utf8(WEB.replace("\"store\":\"WEB-DC\"",
                "\"store\":\"WEB-DC\",\"store\":\"STORE-001\""))))).isInstanceOf(RefusedInputException.class).hasMessageContaining("store");
    }

    @Example
    void aCouponCodeIsReadInUpperCaseAndABadOneIsRefusedByName() {
        assertThat(routes.read(Channel.WEB, BrokenInputs.utf8(WEB)).couponCode()).isEqualTo("WELCOME10");
        assertThat(routes.read(Channel.WEB, BrokenInputs.utf8(WEB.replace("\"couponCode\":\"welcome10\",", ""))).couponCode()).isNull();
        for (String bad : new String[] {"\"WELCOME 10\"", "\"W\"", "\"WELCOME10WELCOME10WELCOME10\"", "\"10%-OFF\""}) {
            assertThat(catchThrowable(() -> routes.read(Channel.WEB, BrokenInputs.utf8(WEB.replace("\"welcome10\"", bad)))))
                    .as(bad).isInstanceOf(RefusedInputException.class).hasMessageContaining("couponCode");
        }
        assertThat(catchThrowable(() -> routes.read(Channel.WEB, BrokenInputs.utf8(WEB.replace("\"welcome10\"", "10")))))
                .as("a number is not a code").isInstanceOf(RefusedInputException.class).hasMessageContaining("couponCode");
    }

    private void refusedOrValid(Channel channel, Broken broken) {
        OrderRequest[] read = new OrderRequest[1];
        Throwable failure = catchThrowable(() -> read[0] = routes.read(channel, broken.bytes()));
        if (failure == null) {
            assertThat(VALIDATOR.validate(read[0])).as("what is read is a valid order").isEmpty();
        } else {
            assertThat(failure).as("a refusal, not an unexpected failure").isInstanceOf(RefusedInputException.class);
            assertThat(failure.getMessage()).as("the reason").isNotBlank();
        }
    }

    @Provide
    Arbitrary<Broken> brokenWebOrders() {
        return BrokenInputs.json(WEB);
    }

    @Provide
    Arbitrary<Broken> brokenTillRecords() {
        return BrokenInputs.delimited(POS, ";", 0);
    }
}
