package org.retailhub.app.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An operator's {@code pg_ctl stop -m immediate} of the hub's PostgreSQL (no checkpoint, sessions cut: what a crash of
 * the server does) and {@code pg_ctl start} of it again with the options it ran with, on its data folder. As root,
 * pg_ctl runs in a user namespace of its own, as the embedded default starts it.
 */
final class DatabaseCrash {

    private final Path dataDir;
    private final Path pgCtl;
    private final List<String> serverOptions;

    private DatabaseCrash(Path dataDir, Path pgCtl, List<String> serverOptions) {
        this.dataDir = dataDir;
        this.pgCtl = pgCtl;
        this.serverOptions = serverOptions;
    }

    /** Finds the running server of the data folder (from {@code postmaster.pid}) and remembers how it was started. */
    static DatabaseCrash of(Path dataDir) {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle.Info postmaster = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no PostgreSQL " + pid)).info();
            Path postgres = Path.of(postmaster.command().orElseThrow());
            List<String> options = new ArrayList<>(List.of(postmaster.arguments().orElseThrow()));
            int d = options.indexOf("-D");
            options.subList(d, d + 2).clear();
            return new DatabaseCrash(dataDir, postgres.resolveSibling("pg_ctl"), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stopImmediately() {
        pgCtl("stop", "-m", "immediate", "-w", "-t", "60");
    }

    void start() {
        pgCtl("start", "-w", "-t", "120", "-o", String.join(" ", serverOptions), "-l", dataDir.resolveSibling("postgres-restarted.log").toString());
    }

    private void pgCtl(String... action) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "-D", dataDir.toString()));
        command.addAll(List.of(action));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling("pg_ctl.log").toFile())).start();
            if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(command + " failed; see " + dataDir.resolveSibling("pg_ctl.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
