package org.retailhub.app.replenishment;

import java.time.Clock;
import org.retailhub.app.consistency.IslandDatabases;
import org.retailhub.domain.consistency.KeyCrossReference;
import org.retailhub.domain.pricing.StockCover;
import org.retailhub.domain.replenishment.ForecastLookup;
import org.retailhub.domain.replenishment.ForecastStockCover;
import org.retailhub.domain.inventory.StockMovements;
import org.retailhub.domain.replenishment.PurchaseOrderBook;
import org.retailhub.domain.replenishment.PurchasingTerms;
import org.retailhub.domain.replenishment.ReplenishmentPlanner;
import org.retailhub.domain.replenishment.ReplenishmentRuns;
import org.retailhub.domain.replenishment.SalesHistory;
import org.retailhub.domain.replenishment.forecast.ForecastSettings;
import org.retailhub.legacy.erp.ErpPurchasingTerms;
import org.retailhub.processes.pricing.PricingProperties;
import org.retailhub.processes.replenishment.ReplenishmentProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replenishment: the sales history, the supply terms read from the ERP's purchasing info records, the planner with
 * the configured service levels, the store runs and the purchase order book ({@code hub.replenishment.*}).
 */
@Configuration(proxyBeanMethods = false)
class ReplenishmentConfiguration {

    @Bean
    SalesHistory salesHistory(JdbcTemplate jdbc, ReplenishmentProperties replenishment) {
        return new SalesHistory(jdbc, replenishment.zone());
    }

    @Bean
    PurchasingTerms purchasingTerms(IslandDatabases islands, KeyCrossReference keys) {
        return new ErpPurchasingTerms(islands.erp(), keys);
    }

    @Bean
    PurchaseOrderBook purchaseOrderBook(JdbcTemplate jdbc, PlatformTransactionManager transactions, StockMovements movements) {
        return new PurchaseOrderBook(jdbc, new TransactionTemplate(transactions), movements);
    }

    @Bean
    ReplenishmentRuns replenishmentRuns(JdbcTemplate jdbc, PlatformTransactionManager transactions, SalesHistory sales,
                                        PurchasingTerms terms, PurchaseOrderBook orders, ReplenishmentProperties replenishment) {
        return new ReplenishmentRuns(jdbc, new TransactionTemplate(transactions), sales, terms, orders,
                new ReplenishmentPlanner(ForecastSettings.DEFAULT, replenishment.levels()), replenishment.threshold(),
                replenishment.historyDays());
    }

    @Bean
    ForecastLookup forecastLookup(SalesHistory sales, Clock clock, ReplenishmentProperties replenishment) {
        return new ForecastLookup(sales, clock, replenishment.zone(), replenishment.historyDays());
    }

    /** Stock cover for the promotion table's markdown rules, at the forecast the forecast API shows (14 days ahead). */
    @Bean
    StockCover stockCover(ForecastLookup forecasts, JdbcTemplate jdbc, PricingProperties pricing) {
        return new ForecastStockCover(forecasts, jdbc, ForecastSettings.DEFAULT, pricing.demandRemembered());
    }
}
