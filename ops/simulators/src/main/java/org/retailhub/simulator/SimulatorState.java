package org.retailhub.simulator;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.util.FileSystemUtils;

/**
 * What a simulator must not forget (payments, captures, webhooks due, gift card balances, deliveries), kept in a
 * folder so that a restart finds it, even after a SIGKILL: named tables of values by key, changed only inside
 * {@link #write}. Each write is one line of a write-ahead journal ({@code journal.jsonl}) forced to disk before the
 * write returns, so no answer leaves the simulator before what it says is durable; {@link #read} likewise waits until
 * every change it could have seen is on disk. Writes of many threads share one {@code fsync} (group commit).
 * <p>
 * At open the last snapshot ({@code snapshot.json}) and the journal are replayed; a torn last line (a process killed
 * in the middle of a write) is dropped; then a new snapshot replaces the old one atomically (written aside, forced,
 * renamed, folder forced) and the journal starts empty. A lock file keeps a second process off the same folder.
 */
public final class SimulatorState implements AutoCloseable {

    private static final String SNAPSHOT = "snapshot.json";
    private static final String JOURNAL = "journal.jsonl";

    private final Path dir;
    private final boolean throwAway;
    private final ObjectMapper json;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final Map<String, Map<String, JsonNode>> found;
    private final WriteAheadJournal journal;
    private final Object writing = new Object();
    private List<ObjectNode> changes;
    private int depth;

    private SimulatorState(Path dir, boolean throwAway) throws IOException {
        this.dir = dir;
        this.throwAway = throwAway;
        this.json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // amounts keep their scale across a restart ("12.10" stays "12.10")
        json.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        Files.createDirectories(dir);
        this.lockFile = FileChannel.open(dir.resolve("state.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        this.lock = tryLock(lockFile, dir);
        try {
            this.found = replay();
            compact();
        } catch (IOException | RuntimeException e) {
            lockFile.close(); // releases the folder for whoever repairs it
            throw e;
        }
        this.journal = new WriteAheadJournal(FileChannel.open(dir.resolve(JOURNAL), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), dir.getFileName().toString());
    }

    /** Opens (or creates) the state kept in {@code dir}. Fails when another simulator holds that folder. */
    public static SimulatorState open(Path dir) {
        try {
            return new SimulatorState(dir.toAbsolutePath(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("simulator state in " + dir + " could not be opened", e);
        }
    }

    /** A state in a fresh temporary folder, deleted on {@link #close()}: for tests and throw-away runs. */
    public static SimulatorState throwAway(String name) {
        try {
            return new SimulatorState(Files.createTempDirectory("retail-hub-" + name + "-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary folder for " + name, e);
        }
    }

    public Path folder() {
        return dir;
    }

    /** The table {@code name} with the rows found at open; claim each table once, before the simulator answers. */
    public <V> Table<V> table(String name, Class<V> type) {
        Table<V> table = new Table<>(name);
        found.getOrDefault(name, Map.of()).forEach((key, value) -> {
            try {
                table.rows.put(key, json.treeToValue(value, type));
            } catch (JacksonException e) {
                throw new IllegalStateException("row " + key + " of " + name + " in " + dir + " is unreadable: " + e.getOriginalMessage(), e);
            }
        });
        return table;
    }

    /** Runs {@code change} alone (writes nest), journals what it changed and returns once that is on disk. */
    public <T> T write(Supplier<T> change) {
        long durableAt;
        T result;
        synchronized (writing) {
            boolean outermost = depth++ == 0;
            if (outermost) {
                changes = new ArrayList<>();
            }
            try {
                result = change.get();
            } finally {
                depth--;
                // what was applied in memory is journalled, also when the change failed half-way
                durableAt = outermost ? commit() : 0;
            }
        }
        journal.awaitDurable(durableAt);
        return result;
    }

    /**
     * The answer kept under the idempotency {@code key} in {@code answers}; the first time, {@code decide}'s answer,
     * kept there in the same write: a repeated request gets the same answer, also after a restart.
     */
    public <V> V once(Table<V> answers, String key, Supplier<V> decide) {
        return write(() -> {
            V known = answers.get(key);
            if (known != null) {
                return known;
            }
            V decided = decide.get();
            answers.put(key, decided);
            return decided;
        });
    }

    public void write(Runnable change) {
        write(() -> {
            change.run();
            return null;
        });
    }

    /** Reads consistently with the writes, and returns once every change it could have seen is on disk. */
    public <T> T read(Supplier<T> reading) {
        T result;
        long durableAt;
        synchronized (writing) {
            result = reading.get();
            durableAt = journal.appended();
        }
        journal.awaitDurable(durableAt);
        return result;
    }

    private long commit() {
        List<ObjectNode> done = changes;
        changes = null;
        if (done.isEmpty()) {
            return journal.appended();
        }
        ObjectNode line = json.createObjectNode();
        line.putArray("changes").addAll(done);
        try {
            return journal.append(json.writeValueAsBytes(line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Notes a change of the running write; a null value means the row was removed. */
    private void record(String table, String key, JsonNode value) {
        if (!Thread.holdsLock(writing) || changes == null) {
            throw new IllegalStateException("table " + table + " changed outside SimulatorState.write");
        }
        ObjectNode change = json.createObjectNode().put("table", table).put("key", key);
        change.set("value", value);
        changes.add(change);
    }

    /** One table of the state: rows by key, read freely, changed only inside {@link SimulatorState#write}. */
    public final class Table<V> {

        private final String name;
        private final Map<String, V> rows = new ConcurrentHashMap<>();

        private Table(String name) {
            this.name = name;
        }

        public V get(String key) {
            return rows.get(key);
        }

        public List<V> values() {
            return List.copyOf(rows.values());
        }

        public Map<String, V> rows() {
            return Map.copyOf(rows);
        }

        public void put(String key, V value) {
            record(name, key, json.valueToTree(value));
            rows.put(key, value);
        }

        public void remove(String key) {
            if (rows.containsKey(key)) {
                record(name, key, null);
                rows.remove(key);
            }
        }
    }

    private Map<String, Map<String, JsonNode>> replay() throws IOException {
        Map<String, Map<String, JsonNode>> tables = new HashMap<>();
        Path snapshot = dir.resolve(SNAPSHOT);
        if (Files.exists(snapshot)) {
            json.readTree(snapshot.toFile()).properties().forEach(table -> {
                Map<String, JsonNode> rows = tables.computeIfAbsent(table.getKey(), t -> new HashMap<>());
                table.getValue().properties().forEach(row -> rows.put(row.getKey(), row.getValue()));
            });
        }
        Path journalFile = dir.resolve(JOURNAL);
        if (Files.exists(journalFile)) {
            String text = Files.readString(journalFile, StandardCharsets.UTF_8);
            String[] lines = text.split("\n", -1);
            // the last piece has no newline after it: empty, or a write the process did not finish
            for (int i = 0; i < lines.length - 1; i++) {
                apply(tables, lines[i], i + 1);
            }
        }
        return tables;
    }

    private void apply(Map<String, Map<String, JsonNode>> tables, String line, int number) {
        try {
            for (JsonNode change : (ArrayNode) json.readTree(line).get("changes")) {
                Map<String, JsonNode> rows = tables.computeIfAbsent(change.get("table").asText(), t -> new HashMap<>());
                JsonNode value = change.get("value");
                if (value == null || value.isNull()) {
                    rows.remove(change.get("key").asText());
                } else {
                    rows.put(change.get("key").asText(), value);
                }
            }
        } catch (JacksonException | RuntimeException e) {
            throw new IllegalStateException("line " + number + " of " + dir.resolve(JOURNAL) + " is damaged; the simulator's state needs a hand", e);
        }
    }

    private void compact() throws IOException {
        ObjectNode snapshot = json.createObjectNode();
        found.forEach((table, rows) -> {
            ObjectNode node = snapshot.putObject(table);
            rows.forEach(node::set);
        });
        Path aside = dir.resolve(SNAPSHOT + ".new");
        try (FileChannel out = FileChannel.open(aside, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(java.nio.ByteBuffer.wrap(json.writeValueAsBytes(snapshot)));
            out.force(true);
        }
        Files.move(aside, dir.resolve(SNAPSHOT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceFolder();
        // the snapshot holds everything the journal said: replaying both after a crash right here changes nothing
        try (FileChannel journalFile = FileChannel.open(dir.resolve(JOURNAL), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            journalFile.truncate(0);
            journalFile.force(true);
        }
        forceFolder();
    }

    private void forceFolder() throws IOException {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        }
    }

    private static FileLock tryLock(FileChannel file, Path dir) throws IOException {
        FileLock held;
        try {
            held = file.tryLock();
        } catch (OverlappingFileLockException e) {
            held = null;
        }
        if (held == null) {
            file.close();
            throw new IllegalStateException("simulator state in " + dir + " is in use by another simulator");
        }
        return held;
    }

    @Override
    public void close() {
        journal.close();
        try {
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (throwAway) {
            FileSystemUtils.deleteRecursively(dir.toFile());
        }
    }
}
