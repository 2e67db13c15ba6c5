package org.retailhub.domain.order;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.retailhub.domain.catalogue.Article;
import org.retailhub.domain.catalogue.Catalogue;
import org.retailhub.domain.order.GiftCardToken;
import org.retailhub.domain.order.PaymentMethodPolicy;
import org.retailhub.domain.rollout.StorePath;
import org.retailhub.domain.rollout.StoreRoutes;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way into the hub for an order, whatever the channel: swaps a gift card number for the CRM's token, checks
 * what the hub can check without stock, stores the order once per (channel, external id) and sends it the way its
 * store's path says ({@link StoreRoutes}): on the hub's path its fulfilment starts, on the legacy path it is queued for
 * the legacy system ({@link LegacyHandover}) as {@code FORWARDED_TO_LEGACY}; all in one transaction. After this returns
 * the order is durable and goes on its one way, even across a crash.
 */
public class OrderAcceptance {

    private final OrderRepository orders;
    private final Catalogue catalogue;
    private final OrderJournal journal;
    private final OrderProcesses processes;
    private final TransactionTemplate tx;
    private final String currency;
    private final PaymentMethodPolicy paymentMethods;
    private final CardVault cardVault;
    private final StoreRoutes routes;
    private final LegacyHandover legacy;

    public OrderAcceptance(OrderRepository orders, Catalogue catalogue, OrderJournal journal, OrderProcesses processes,
                           TransactionTemplate tx, String currency, PaymentMethodPolicy paymentMethods, CardVault cardVault,
                           StoreRoutes routes, LegacyHandover legacy) {
        this.routes = routes;
        this.legacy = legacy;
        this.cardVault = cardVault;
        this.paymentMethods = paymentMethods;
        this.orders = orders;
        this.catalogue = catalogue;
        this.journal = journal;
        this.processes = processes;
        this.tx = tx;
        this.currency = currency;
    }

    /**
     * Accepts an order, or returns the id of the order this (channel, external id) already created.
     *
     * @throws InvalidOrderException when the store or an article is unknown; nothing is stored then
     */
    public AcceptedOrder accept(OrderRequest request) {
        // the number goes to the CRM's vault before anything is stored; a CRM that cannot be reached fails the intake
        GiftCardToken giftCard = request.giftCardNumber() == null || request.giftCardNumber().isBlank() ? null
                : cardVault.tokenise(request.giftCardNumber());
        AcceptedOrder accepted = tx.execute(status -> acceptInTransaction(request, giftCard));
        if (accepted == null) {
            throw new IllegalStateException("transaction returned no result for order " + request.externalId());
        }
        return accepted;
    }

    private AcceptedOrder acceptInTransaction(OrderRequest request, GiftCardToken giftCard) {
        var known = orders.findAccepted(request.channel(), request.externalId());
        if (known.isPresent()) {
            return known.get();
        }
        checkReferences(request);
        UUID id = UUID.randomUUID();
        StorePath path = routes.pathOf(request.storeId());
        OrderStatus first = path == StorePath.LEGACY ? OrderStatus.FORWARDED_TO_LEGACY : OrderStatus.RECEIVED;
        if (!orders.insertIfAbsent(id, request, giftCard, currency, first)) {
            // a concurrent submission of the same order won the insert; answer with its id
            return orders.findAccepted(request.channel(), request.externalId()).orElseThrow();
        }
        journal.received(id);
        if (path == StorePath.LEGACY) {
            legacy.queue(id, request);
        } else {
            processes.start(id);
        }
        return new AcceptedOrder(id, true, path);
    }

    private void checkReferences(OrderRequest request) {
        if (!paymentMethods.accepts(request.channel(), request.paymentMethod())) {
            throw new InvalidOrderException(request.externalId(),
                    "payment method " + request.paymentMethod() + " is not accepted on channel " + request.channel());
        }
        if (!catalogue.storeExists(request.storeId())) {
            throw new InvalidOrderException(request.externalId(), "unknown store " + request.storeId());
        }
        Set<String> skus = request.lines().stream().map(OrderLineRequest::sku).collect(Collectors.toCollection(LinkedHashSet::new));
        var articles = catalogue.articles(skus);
        Set<String> unknown = skus.stream().filter(s -> !articles.containsKey(s)).collect(Collectors.toCollection(LinkedHashSet::new));
        if (!unknown.isEmpty()) {
            throw new InvalidOrderException(request.externalId(), "unknown articles " + unknown);
        }
        Set<String> inactive = articles.values().stream().filter(a -> !a.active()).map(Article::sku)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!inactive.isEmpty()) {
            throw new InvalidOrderException(request.externalId(), "articles no longer sold " + inactive);
        }
    }
}
