package org.retailhub.ops.rfid;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.retailhub.domain.stockcount.CountComparison;
import org.retailhub.domain.stockcount.InventoryDifference;
import org.retailhub.rfid.epc.EpcUris;
import org.retailhub.rfid.inventory.CountSession;
import org.retailhub.rfid.layout.StoreLayout;
import org.retailhub.rfid.reads.ReadBatch;
import org.retailhub.rfid.reads.ReaderFormat;
import org.retailhub.rfid.reads.ReaderMessages;
import org.retailhub.rfid.reads.TagRead;
import org.retailhub.simulator.rfid.ReaderMessage;
import org.retailhub.simulator.rfid.SimulatedTag;
import org.retailhub.simulator.rfid.StoreFloor;

/**
 * How right the ledger is after an RFID cycle count of a simulated store whose ledger had gone wrong. Per run: a store
 * of {@code skus} articles with {@code pieces} each over three shelves and a backroom; before the count 3 % of the
 * pieces vanish unrecorded (theft, damage) and 1 % appear unrecorded (a delivery nobody booked), so the ledger is off.
 * The count lasts {@code sweeps} reader rounds; in each, every piece is read with the read rate (95 %), 30 % of reads
 * come twice (a second antenna), 2 % of the pieces are carried to another zone and 0.2 % walk out of the door (read
 * there). The hub's own code does the rest: reader JSON to reads ({@link ReaderMessages}), the count session
 * ({@link CountSession}), the comparison with the ledger ({@link CountComparison}); the ledger after the count is the
 * ledger plus the differences, which is what the posting to the ERP amounts to. Accuracy against the pieces really in
 * the store at the end: by pieces (1 - sum |ledger - truth| / sum truth) and by article records (share exactly right).
 * Writes {@code ops/bench/rfid/results/count-accuracy-<time>.json}.
 *
 * <p>Arguments: {@code --runs=20 --skus=20 --pieces=50 --sweeps=3 --read-rate-percent=95}.
 */
public final class CountAccuracySimulation {

    public static void main(String[] args) throws IOException {
        Map<String, Integer> options = ReadThroughputBenchmark.options(args,
                Map.of("runs", 20, "skus", 20, "pieces", 50, "sweeps", 3, "read-rate-percent", 95));
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int run = 0; run < options.get("runs"); run++) {
            runs.add(run(run, options));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "rfid-count-accuracy");
        result.put("at", Instant.now().toString());
        result.put("settings", options);
        result.put("pieceAccuracyBeforeMean", mean(runs, "pieceAccuracyBefore"));
        result.put("pieceAccuracyAfterMean", mean(runs, "pieceAccuracyAfter"));
        result.put("pieceAccuracyAfterMin", runs.stream().mapToDouble(r -> (double) r.get("pieceAccuracyAfter")).min().orElse(0));
        result.put("recordAccuracyBeforeMean", mean(runs, "recordAccuracyBefore"));
        result.put("recordAccuracyAfterMean", mean(runs, "recordAccuracyAfter"));
        result.put("recordAccuracyAfterMin", runs.stream().mapToDouble(r -> (double) r.get("recordAccuracyAfter")).min().orElse(0));
        result.put("goal", 0.99);
        result.put("goalMet", (double) result.get("pieceAccuracyAfterMin") >= 0.99);
        result.put("runs", runs);
        result.put("loadAverage", ReadThroughputBenchmark.loadAverage());
        ReadThroughputBenchmark.write("count-accuracy", result);
    }

    private static Map<String, Object> run(int seed, Map<String, Integer> options) {
        int skus = options.get("skus");
        StoreFloor floor = BenchStore.floor(skus, options.get("pieces"), 1000 + seed);
        Map<String, Integer> ledger = pieces(floor);
        // the ledger goes wrong: pieces vanish and appear without a booking
        floor.walkOut(0.03);
        floor.sweep(Instant.EPOCH, 0, 0);
        for (int extra = 0; extra < skus * options.get("pieces") / 100; extra++) {
            floor.place(BenchStore.COUNTED_ZONES.get(floor.random().nextInt(4)), SimulatedTag.of(1 + floor.random().nextInt(skus), 100_000 + extra));
        }
        Map<String, Integer> before = new HashMap<>(ledger);
        StoreLayout layout = BenchStore.layout();
        ReaderMessages reading = new ReaderMessages(new ObjectMapper(), layout);
        Instant opened = Instant.parse("2026-11-30T07:00:00Z");
        CountSession count = new CountSession(UUID.randomUUID(), BenchStore.STORE, opened);
        double readRate = options.get("read-rate-percent") / 100.0;
        long reads = 0;
        for (int sweep = 0; sweep < options.get("sweeps"); sweep++) {
            floor.move(0.02, BenchStore.COUNTED_ZONES);
            floor.walkOut(0.002);
            for (ReaderMessage message : floor.sweep(opened.plusSeconds(10L * sweep), readRate, 0.3)) {
                ReaderFormat format = message.topic().contains("/zebra/") ? ReaderFormat.ZEBRA : ReaderFormat.IMPINJ;
                ReadBatch batch = reading.read(format, BenchStore.reader(message.topic()), message.payload());
                for (TagRead read : batch.reads()) {
                    count.see(layout.zoneOf(layout.reader(read.reader()).orElseThrow(), read.antenna()), read);
                    reads++;
                }
            }
        }
        Map<String, Integer> counted = new HashMap<>();
        count.counted().forEach(epc -> counted.merge(sku(epc), 1, Integer::sum));
        List<InventoryDifference> differences = CountComparison.differences(ledger, counted, Map.of());
        Map<String, Integer> after = new HashMap<>(ledger);
        differences.forEach(d -> after.merge(d.sku(), d.difference(), Integer::sum));
        Map<String, Integer> truth = pieces(floor);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("seed", 1000 + seed);
        run.put("reads", reads);
        run.put("piecesInStore", truth.values().stream().mapToInt(Integer::intValue).sum());
        run.put("differences", differences.size());
        run.put("pieceAccuracyBefore", pieceAccuracy(before, truth));
        run.put("pieceAccuracyAfter", pieceAccuracy(after, truth));
        run.put("recordAccuracyBefore", recordAccuracy(before, truth, skus));
        run.put("recordAccuracyAfter", recordAccuracy(after, truth, skus));
        return run;
    }

    private static String sku(String epc) {
        return String.format("SKU-%04d", Integer.parseInt(EpcUris.pureIdentity(epc).reference()));
    }

    private static Map<String, Integer> pieces(StoreFloor floor) {
        Map<String, Integer> pieces = new HashMap<>();
        floor.zones().values().forEach(tags -> tags.forEach(tag -> pieces.merge(tag.sku(), 1, Integer::sum)));
        return pieces;
    }

    private static double pieceAccuracy(Map<String, Integer> record, Map<String, Integer> truth) {
        long off = 0;
        long total = 0;
        for (String sku : union(record, truth)) {
            off += Math.abs(record.getOrDefault(sku, 0) - truth.getOrDefault(sku, 0));
            total += truth.getOrDefault(sku, 0);
        }
        return 1 - (double) off / total;
    }

    private static double recordAccuracy(Map<String, Integer> record, Map<String, Integer> truth, int skus) {
        long right = union(record, truth).stream().filter(sku -> record.getOrDefault(sku, 0).equals(truth.getOrDefault(sku, 0))).count();
        return (double) right / Math.max(skus, union(record, truth).size());
    }

    private static java.util.Set<String> union(Map<String, Integer> a, Map<String, Integer> b) {
        java.util.Set<String> all = new java.util.TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    private static double mean(List<Map<String, Object>> runs, String key) {
        return runs.stream().mapToDouble(r -> (double) r.get(key)).average().orElse(0);
    }
}
