package org.retailhub.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.retailhub.connectors.kafka.KafkaTopicProperties;
import org.retailhub.domain.audit.AuditTrail;
import org.retailhub.domain.catalogue.Catalogue;
import org.retailhub.domain.inventory.ReservationLedger;
import org.retailhub.domain.inventory.StockMovements;
import org.retailhub.domain.order.LegacyHandover;
import org.retailhub.domain.order.LegacyOrders;
import org.retailhub.domain.order.OrderAcceptance;
import org.retailhub.domain.order.OrderJournal;
import org.retailhub.domain.order.OrderProcesses;
import org.retailhub.domain.order.OrderRepository;
import org.retailhub.domain.outbox.Outbox;
import org.retailhub.domain.payment.GiftCards;
import org.retailhub.domain.payment.PaymentEvents;
import org.retailhub.domain.payment.PaymentRepository;
import org.retailhub.domain.payment.RefundDesk;
import org.retailhub.domain.payment.RefundProcesses;
import org.retailhub.domain.payment.SettlementReconciliation;
import org.retailhub.domain.rollout.StoreRoutes;
import org.retailhub.processes.order.OrderProperties;
import org.retailhub.processes.recovery.StaleSessions;
import org.retailhub.routes.rollout.RolloutProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the framework-free domain (repositories, ledger, journal, acceptance) into the application. */
@Configuration(proxyBeanMethods = false)
class HubConfiguration {

    /** After a restart of the database server, the hub's pool drops its sessions of the old one (Hikari: soft eviction). */
    @Bean
    StaleSessions staleSessions(javax.sql.DataSource hub) {
        return () -> {
            if (hub instanceof com.zaxxer.hikari.HikariDataSource pool && pool.getHikariPoolMXBean() != null) {
                pool.getHikariPoolMXBean().softEvictConnections();
            }
        };
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Catalogue catalogue(JdbcTemplate jdbc) {
        return new Catalogue(jdbc);
    }

    @Bean
    OrderRepository orderRepository(JdbcTemplate jdbc) {
        return new OrderRepository(jdbc);
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, ObjectMapper json) {
        return new Outbox(jdbc, json);
    }

    @Bean
    OrderJournal orderJournal(OrderRepository orders, Outbox outbox, Clock clock, KafkaTopicProperties topics) {
        return new OrderJournal(orders, outbox, clock, topics.events());
    }

    @Bean
    PaymentRepository paymentRepository(JdbcTemplate jdbc, Outbox outbox, Clock clock, KafkaTopicProperties topics) {
        return new PaymentRepository(jdbc, new PaymentEvents(outbox, clock, topics.payments()));
    }

    @Bean
    RefundDesk refundDesk(JdbcTemplate jdbc, OrderRepository orders, RefundProcesses processes, PlatformTransactionManager transactions) {
        return new RefundDesk(jdbc, orders, processes, new TransactionTemplate(transactions));
    }

    @Bean
    SettlementReconciliation settlementReconciliation(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new SettlementReconciliation(jdbc, new TransactionTemplate(transactions));
    }

    @Bean
    AuditTrail auditTrail(JdbcTemplate jdbc) {
        return new AuditTrail(jdbc);
    }

    @Bean
    StockMovements stockMovements(JdbcTemplate jdbc, Outbox outbox, KafkaTopicProperties topics) {
        return new StockMovements(jdbc, outbox, topics.stockMovements());
    }

    @Bean
    ReservationLedger reservationLedger(JdbcTemplate jdbc, StockMovements movements) {
        return new ReservationLedger(jdbc, movements);
    }

    @Bean
    StoreRoutes storeRoutes(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditTrail trail, RolloutProperties rollout) {
        return new StoreRoutes(jdbc, new TransactionTemplate(transactions), trail, rollout.defaultPath());
    }

    @Bean
    LegacyHandover legacyHandover(JdbcTemplate jdbc, PlatformTransactionManager transactions, OrderRepository orders, LegacyOrders legacy) {
        return new LegacyHandover(jdbc, new TransactionTemplate(transactions), orders, legacy);
    }

    @Bean
    OrderAcceptance orderAcceptance(OrderRepository orders, Catalogue catalogue, OrderJournal journal,
                                    OrderProcesses processes, PlatformTransactionManager transactions,
                                    OrderProperties properties, GiftCards giftCards, StoreRoutes routes, LegacyHandover legacy) {
        return new OrderAcceptance(orders, catalogue, journal, processes, new TransactionTemplate(transactions),
                properties.currency(), properties.paymentMethodPolicy(), giftCards, routes, legacy);
    }
}
