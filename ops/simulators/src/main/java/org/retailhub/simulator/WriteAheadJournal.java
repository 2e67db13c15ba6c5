package org.retailhub.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The write-ahead journal of a {@link SimulatorState}: lines appended in order by the writers, written and forced to
 * disk by one thread for many writers at once (group commit); a writer waits until its line is durable.
 */
final class WriteAheadJournal {

    private final FileChannel file;
    private final Thread flusher;
    private final List<byte[]> queued = new ArrayList<>();
    private long appended;
    private long durable;
    private IOException failed;
    private boolean closing;

    WriteAheadJournal(FileChannel file, String name) {
        this.file = file;
        this.flusher = new Thread(this::flush, "simulator-journal-" + name);
        flusher.setDaemon(true);
        flusher.start();
    }

    synchronized long append(byte[] line) {
        if (closing) {
            throw new IllegalStateException("the simulator is stopping: nothing more is written");
        }
        queued.add(line);
        notifyAll();
        return ++appended;
    }

    synchronized long appended() {
        return appended;
    }

    synchronized void awaitDurable(long sequence) {
        boolean interrupted = false;
        while (durable < sequence && failed == null) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true; // a journalled change is answered only once it is on disk
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (durable < sequence) {
            throw new UncheckedIOException("simulator journal could not be written", failed);
        }
    }

    private void flush() {
        while (true) {
            List<byte[]> batch;
            long upTo;
            synchronized (this) {
                while (queued.isEmpty() && !closing) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        closing = true;
                    }
                }
                if (queued.isEmpty()) {
                    return;
                }
                batch = new ArrayList<>(queued);
                queued.clear();
                upTo = appended;
            }
            try {
                int size = batch.stream().mapToInt(b -> b.length + 1).sum();
                ByteBuffer buffer = ByteBuffer.allocate(size);
                batch.forEach(b -> buffer.put(b).put((byte) '\n'));
                buffer.flip();
                while (buffer.hasRemaining()) {
                    file.write(buffer);
                }
                file.force(false);
                synchronized (this) {
                    durable = upTo;
                    notifyAll();
                }
            } catch (IOException e) {
                synchronized (this) {
                    failed = e;
                    notifyAll();
                }
                return;
            }
        }
    }

    void close() {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        try {
            flusher.join(5_000);
            file.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
