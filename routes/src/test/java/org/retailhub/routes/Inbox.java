package org.retailhub.routes;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/** A temporary folder a file route watches; files are dropped into it the way the islands and the provider do. */
public final class Inbox {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Path root;

    private Inbox(Path root) {
        this.root = root;
    }

    /** A new empty inbox with these sub-folders. */
    public static Inbox temporary(String... folders) {
        try {
            Path root = Files.createTempDirectory("inbox");
            for (String folder : folders) {
                Files.createDirectories(root.resolve(folder));
            }
            return new Inbox(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String path() {
        return root.toString();
    }

    /** Writes a file under another name first, then renames it, so the route never reads half a file. */
    public void drop(String name, String content) {
        drop(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The same with the file's bytes as they are (which need not be UTF-8). */
    public void drop(String name, byte[] content) {
        try {
            Path staged = Files.write(root.resolve(name + ".part"), content);
            Files.move(staged, root.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the route moved the file into {@code folder} beside it ({@code .done}, {@code .failed}); returns where it is. */
    public Path awaitMoved(String name, String folder) {
        Path file = root.resolve(name);
        Path moved = file.resolveSibling(folder).resolve(file.getFileName());
        await().atMost(PATIENCE).until(() -> Files.exists(moved));
        return moved;
    }
}
