package org.retailhub.rfid.reads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.retailhub.rfid.layout.SampleStore;

class ReaderMessagesTest {

    private static final String HEX = SampleStore.epcHex(1, 1001);
    private static final String URI = SampleStore.epcUri(1, 1001);

    private final ReaderMessages messages = new ReaderMessages(new ObjectMapper(), SampleStore.layout());

    @Test
    void aZebraTagDataEventIsOneReadOfTheReaderItsTopicNames() {
        ReadBatch batch = zebra("""
                {"type":"SIMPLE","timestamp":"2025-03-01T10:15:30.123+0000",
                 "data":{"eventNum":17,"format":"epc","idHex":"%s","antenna":2,"peakRssi":-57,"reads":3}}""".formatted(HEX.toLowerCase()));

        assertThat(batch.reads()).containsExactly(
                new TagRead(HEX, URI, "fx9600-shelves", 2, -57, Instant.parse("2025-03-01T10:15:30.123Z")));
        assertThat(batch.refused()).isEmpty();
    }

    @Test
    void aZebraBatchIsAnArrayAndATimeMayCarryAnyOffsetForm() {
        ReadBatch batch = zebra("""
                [{"type":"SIMPLE","timestamp":"2025-03-01T11:15:30.000+01:00","data":{"idHex":"%s","antenna":1}},
                 {"type":"SIMPLE","timestamp":"2025-03-01T10:15:31Z","data":{"idHex":"%s","antenna":3,"peakRssi":-61.5}}]"""
                .formatted(HEX, SampleStore.epcHex(2, 7)));

        assertThat(batch.reads()).extracting(TagRead::epc, TagRead::antenna, TagRead::time).containsExactly(
                org.assertj.core.groups.Tuple.tuple(URI, 1, Instant.parse("2025-03-01T10:15:30Z")),
                org.assertj.core.groups.Tuple.tuple(SampleStore.epcUri(2, 7), 3, Instant.parse("2025-03-01T10:15:31Z")));
        assertThat(batch.reads().get(0).rssi()).isNaN();
        assertThat(batch.reads().get(1).rssi()).isEqualTo(-61.5);
    }

    @Test
    void impinjStreamsOneEventPerLineNamesItselfAndGivesRssiInCentiDbm() {
        String lines = """
                {"timestamp":"2025-03-01T10:15:30.200Z","hostname":"impinj-backroom","eventType":"inventoryStatus","inventoryStatusEvent":{"inventoryStatus":"running"}}
                {"timestamp":"2025-03-01T10:15:30.200Z","hostname":"impinj-backroom","eventType":"tagInventory","tagInventoryEvent":{"epcHex":"%s","antennaPort":1,"antennaName":"Antenna 1","peakRssiCdbm":-5250,"lastSeenTime":"2025-03-01T10:15:30.120Z"}}
                {"timestamp":"2025-03-01T10:15:30.300Z","hostname":"impinj-backroom","eventType":"tagInventory","tagInventoryEvent":{"epc":"%s","antennaPort":2}}
                """.formatted(HEX, Base64.getEncoder().encodeToString(HexFormat.of().parseHex(SampleStore.epcHex(3, 9))));

        ReadBatch batch = messages.read(ReaderFormat.IMPINJ, null, lines.getBytes(StandardCharsets.UTF_8));

        assertThat(batch.skipped()).isEqualTo(1);
        assertThat(batch.reads()).containsExactly(
                new TagRead(HEX, URI, "impinj-backroom", 1, -52.5, Instant.parse("2025-03-01T10:15:30.120Z")),
                new TagRead(SampleStore.epcHex(3, 9), SampleStore.epcUri(3, 9), "impinj-backroom", 2, Double.NaN,
                        Instant.parse("2025-03-01T10:15:30.300Z")));
    }

    @Test
    void aMessageThatIsNoJsonIsRefusedWhole() {
        assertThatThrownBy(() -> zebra("{\"type\":\"SIMPLE\", \"data\": {"))
                .isInstanceOfSatisfying(RefusedReadException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ReadProblem.MALFORMED_JSON);
                    assertThat(e.reader()).isEqualTo("fx9600-shelves");
                });
        assertThatThrownBy(() -> zebra("   ")).hasMessageContaining("no event");
    }

    @Test
    void eachBadRecordIsRefusedWithItsReasonAndTheOthersAreRead() {
        ReadBatch batch = zebra("""
                [{"type":"SIMPLE","timestamp":"2025-03-01T10:15:30Z","data":{"idHex":"E2801160600002052890C3A1","antenna":1}},
                 {"type":"SIMPLE","timestamp":"2025-03-01T10:15:30Z","data":{"idHex":"%1$s","antenna":1}},
                 {"type":"SIMPLE","timestamp":"2025-03-01T10:15:30","data":{"idHex":"%1$s","antenna":1}},
                 {"type":"SIMPLE","timestamp":"2025-03-01T10:15:30Z","data":{"idHex":"%1$s","antenna":0}},
                 {"type":"SIMPLE","timestamp":"2025-03-01T10:15:30Z","data":{"idHex":"%1$s"}},
                 {"type":"SIMPLE","timestamp":"2025-03-01T10:15:30Z","data":{"format":"tid","idHex":"E2801160","antenna":1}},
                 {"type":"HEARTBEAT","timestamp":"2025-03-01T10:15:30Z"},
                 "SIMPLE"]""".formatted(HEX));

        assertThat(batch.reads()).hasSize(1);
        assertThat(batch.refused()).extracting(ReadBatch.RefusedRecord::problem).containsExactly(
                ReadProblem.INVALID_EPC, ReadProblem.INVALID_TIME, ReadProblem.INVALID_ANTENNA, ReadProblem.MISSING_FIELD,
                ReadProblem.UNSUPPORTED_EVENT, ReadProblem.UNSUPPORTED_EVENT, ReadProblem.MALFORMED_JSON);
        assertThat(batch.refused().get(0).reason()).startsWith("invalid-epc: unknown-header");
        assertThat(batch.refused().get(0).record()).contains("E2801160600002052890C3A1");
    }

    @Test
    void aReaderTheLayoutDoesNotKnowIsRefused() {
        ReadBatch batch = messages.read(ReaderFormat.IMPINJ, null, """
                {"timestamp":"2025-03-01T10:15:30Z","hostname":"impinj-next-door","eventType":"tagInventory","tagInventoryEvent":{"epcHex":"%s","antennaPort":1}}
                """.formatted(HEX).getBytes(StandardCharsets.UTF_8));

        assertThat(batch.reads()).isEmpty();
        assertThat(batch.refused()).singleElement().satisfies(refused -> {
            assertThat(refused.problem()).isEqualTo(ReadProblem.UNKNOWN_READER);
            assertThat(refused.reader()).isEqualTo("impinj-next-door");
            assertThat(refused.reason()).contains("impinj-next-door");
        });
    }

    private ReadBatch zebra(String message) {
        return messages.read(ReaderFormat.ZEBRA, "fx9600-shelves", message.getBytes(StandardCharsets.UTF_8));
    }
}
