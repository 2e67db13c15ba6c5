package org.retailhub.processes.payment;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.retailhub.domain.order.GiftCardToken;
import org.retailhub.domain.payment.Payment;
import org.retailhub.domain.order.PaymentMethod;
import org.retailhub.domain.payment.PaymentRepository;
import org.retailhub.domain.payment.PaymentStatus;
import org.retailhub.domain.payment.ProviderAnswer;
import org.retailhub.domain.shared.Money;

/** A payment repository kept in memory for process tests, with the same rule as the real one: status only moves forward. */
public final class InMemoryPayments {

    private final Map<UUID, Payment> byId = new ConcurrentHashMap<>();
    private final PaymentRepository repository = mock(PaymentRepository.class);

    public InMemoryPayments() {
        when(repository.openFor(any(), any(), any(), any()))
                .thenAnswer(inv -> open(inv.getArgument(0), inv.getArgument(1), inv.getArgument(2), inv.getArgument(3)));
        when(repository.recordGiftCard(any(), any(), any())).thenAnswer(inv -> {
            Payment p = byId.get((UUID) inv.getArgument(0));
            Payment next = new Payment(p.id(), p.orderId(), p.method(), p.amount(), p.status(), p.providerPaymentId(), p.redirectUrl(),
                    p.reason(), p.giftCardToken(), inv.getArgument(1), inv.getArgument(2));
            byId.put(p.id(), next);
            return next;
        });
        when(repository.get(any())).thenAnswer(inv -> byId.get((UUID) inv.getArgument(0)));
        when(repository.find(any())).thenAnswer(inv -> Optional.ofNullable(byId.get((UUID) inv.getArgument(0))));
        when(repository.record(any(), any())).thenAnswer(inv -> record(inv.getArgument(0), inv.getArgument(1)));
    }

    public PaymentRepository repository() {
        return repository;
    }

    public Payment open(UUID orderId, PaymentMethod method, Money amount) {
        return open(orderId, method, amount, null);
    }

    public Payment open(UUID orderId, PaymentMethod method, Money amount, GiftCardToken giftCard) {
        return byId.values().stream().filter(p -> p.orderId().equals(orderId)).findFirst().orElseGet(() -> {
            Payment p = new Payment(UUID.randomUUID(), orderId, method, amount, PaymentStatus.REQUESTED, null, null, null,
                    giftCard == null ? null : giftCard.token(), Money.zero(amount.currency()), null);
            byId.put(p.id(), p);
            return p;
        });
    }

    public Payment record(UUID id, ProviderAnswer answer) {
        Payment p = byId.get(id);
        PaymentStatus status = answer.status().supersedes(p.status()) ? answer.status() : p.status();
        Payment next = new Payment(p.id(), p.orderId(), p.method(), p.amount(), status,
                answer.providerPaymentId() == null ? p.providerPaymentId() : answer.providerPaymentId(),
                answer.redirectUrl() == null ? p.redirectUrl() : answer.redirectUrl(),
                answer.reason() == null ? p.reason() : answer.reason(), p.giftCardToken(), p.giftCardAmount(), p.giftCardRedemption());
        byId.put(id, next);
        return next;
    }

    /** What a rolled-back transaction leaves: the payment as it was before. */
    public void rollBackTo(Payment before) {
        byId.put(before.id(), before);
    }

    public Payment ofOrder(UUID orderId) {
        return byId.values().stream().filter(p -> p.orderId().equals(orderId)).findFirst().orElseThrow();
    }
}
