package org.retailhub.app.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/**
 * The folder below which each in-process simulator keeps its state: so that a restart of the hub finds the payments,
 * gift card balances and deliveries its simulated parties answered before, like a real party would. A throw-away run
 * (no data folder, as in most tests) gets a temporary folder, removed when the hub stops.
 */
final class SimulatorFolders implements AutoCloseable {

    private final Path root;
    private final boolean throwAway;

    private SimulatorFolders(Path root, boolean throwAway) {
        this.root = root;
        this.throwAway = throwAway;
    }

    static SimulatorFolders of(SimulatorProperties properties, String embeddedDataDir) {
        try {
            if (!properties.stateDir().isBlank()) {
                return new SimulatorFolders(Path.of(properties.stateDir()).toAbsolutePath(), false);
            }
            if (embeddedDataDir != null && !embeddedDataDir.isBlank()) {
                Path data = Path.of(embeddedDataDir).toAbsolutePath();
                return new SimulatorFolders((data.getParent() == null ? data : data.getParent()).resolve("simulators"), false);
            }
            return new SimulatorFolders(Files.createTempDirectory("retail-hub-simulators-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("no folder for the simulators' state", e);
        }
    }

    Path of(String party) {
        return root.resolve(party);
    }

    @Override
    public void close() {
        if (throwAway) {
            FileSystemUtils.deleteRecursively(root.toFile());
        }
    }
}
