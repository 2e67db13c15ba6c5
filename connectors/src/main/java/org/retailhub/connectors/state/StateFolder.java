package org.retailhub.connectors.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/**
 * A folder where a part of the hub keeps local state (the in-process simulators, the insight stream's stores): the
 * configured folder, else a folder of its own beside the embedded default's data folder (so a restart finds it), else
 * a temporary folder removed when the hub stops (a throw-away run, as in most tests).
 */
public final class StateFolder implements AutoCloseable {

    private final Path path;
    private final boolean throwAway;

    private StateFolder(Path path, boolean throwAway) {
        this.path = path;
        this.throwAway = throwAway;
    }

    /**
     * @param configured      the folder set in configuration, blank if none
     * @param embeddedDataDir the embedded PostgreSQL's data folder ({@code hub.embedded.data-dir}), blank if none
     * @param name            the folder's name beside it, e.g. {@code simulators}
     */
    public static StateFolder of(String configured, String embeddedDataDir, String name) {
        try {
            if (!configured.isBlank()) {
                return new StateFolder(Path.of(configured).toAbsolutePath(), false);
            }
            if (embeddedDataDir != null && !embeddedDataDir.isBlank()) {
                Path data = Path.of(embeddedDataDir).toAbsolutePath();
                return new StateFolder((data.getParent() == null ? data : data.getParent()).resolve(name), false);
            }
            return new StateFolder(Files.createTempDirectory("retail-hub-" + name + "-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("no folder for the state of " + name, e);
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        if (throwAway) {
            FileSystemUtils.deleteRecursively(path.toFile());
        }
    }
}
