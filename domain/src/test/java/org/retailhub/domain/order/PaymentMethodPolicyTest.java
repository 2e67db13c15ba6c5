package org.retailhub.domain.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.shared.Channel;

class PaymentMethodPolicyTest {

    @Test
    void listedChannelsAcceptOnlyTheirMethodsOthersAcceptAll() {
        PaymentMethodPolicy policy = new PaymentMethodPolicy(Map.of(Channel.POS, Set.of(PaymentMethod.CARD, PaymentMethod.PAY_IN_STORE)));

        assertThat(policy.accepts(Channel.POS, PaymentMethod.PAY_IN_STORE)).isTrue();
        assertThat(policy.accepts(Channel.POS, PaymentMethod.WALLET)).isFalse();
        assertThat(policy.accepts(Channel.WEB, PaymentMethod.WALLET)).isTrue();
    }

    @Test
    void channelListedWithNothingAcceptsNothing() {
        assertThat(new PaymentMethodPolicy(Map.of(Channel.APP, Set.of())).accepts(Channel.APP, PaymentMethod.CARD)).isFalse();
    }
}
