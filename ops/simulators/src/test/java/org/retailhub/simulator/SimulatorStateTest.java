package org.retailhub.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorStateTest {

    record Balance(String card, BigDecimal amount) {
    }

    @TempDir
    Path folder;

    @Test
    void whatWasWrittenIsThereAfterAReopenWithItsExactAmounts() {
        try (SimulatorState state = SimulatorState.open(folder)) {
            SimulatorState.Table<Balance> balances = state.table("balances", Balance.class);
            state.write(() -> {
                balances.put("a", new Balance("a", new BigDecimal("12.10")));
                balances.put("b", new Balance("b", new BigDecimal("3.00")));
            });
            state.write(() -> balances.remove("b"));
        }
        try (SimulatorState state = SimulatorState.open(folder)) {
            SimulatorState.Table<Balance> balances = state.table("balances", Balance.class);
            assertThat(balances.rows()).containsOnlyKeys("a");
            assertThat(balances.get("a").amount().toPlainString()).isEqualTo("12.10");
        }
    }

    @Test
    void aLineTheProcessDidNotFinishWritingIsDroppedAndEverythingBeforeItKept() throws Exception {
        Files.writeString(folder.resolve("journal.jsonl"), """
                {"changes":[{"table":"deliveries","key":"ORD-1","value":"8012345678"}]}
                {"changes":[{"table":"deliveries","key":"ORD-2","val""");

        try (SimulatorState state = SimulatorState.open(folder)) {
            assertThat(state.table("deliveries", String.class).rows()).containsOnlyKeys("ORD-1");
        }
    }

    @Test
    void aDamagedLineInTheMiddleIsRefusedRatherThanForgotten() throws Exception {
        Files.writeString(folder.resolve("journal.jsonl"), """
                {"changes":[{"table":"deliveries","key":"ORD-1","value":"8012345678"}]}
                not json at all
                {"changes":[{"table":"deliveries","key":"ORD-3","value":"8087654321"}]}
                """);

        assertThatThrownBy(() -> SimulatorState.open(folder)).isInstanceOf(IllegalStateException.class).hasMessageContaining("line 2");
    }

    @Test
    void aSecondSimulatorOnTheSameFolderIsRefused() {
        try (SimulatorState first = SimulatorState.open(folder)) {
            assertThatThrownBy(() -> SimulatorState.open(folder)).isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");
        }
    }

    @Test
    void aTableChangedOutsideAWriteIsAnError() {
        try (SimulatorState state = SimulatorState.throwAway("test")) {
            SimulatorState.Table<String> rows = state.table("rows", String.class);
            assertThatThrownBy(() -> rows.put("k", "v")).isInstanceOf(IllegalStateException.class);
            assertThat(rows.get("k")).isNull();
        }
    }
}
