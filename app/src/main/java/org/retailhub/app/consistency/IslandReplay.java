package org.retailhub.app.consistency;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.retailhub.connectors.cdc.ChangeEventDecoder;
import org.retailhub.domain.consistency.ChangePropagation;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.consistency.IslandChange;
import org.retailhub.domain.deadletter.DeadLetterRefusedException;
import org.retailhub.domain.deadletter.DeadLetterRefusedException.Kind;
import org.retailhub.domain.deadletter.DeadLetterReplay;
import org.retailhub.domain.deadletter.DeadLetterSource;
import org.retailhub.domain.shared.RefusedInputException;
import org.retailhub.routes.consistency.IslandFileRoutes;
import org.retailhub.routes.redelivery.Refusals;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * An island's dead letter replayed after its cause was fixed (the article's key arrived, the store was mapped): a
 * captured change is decoded again and applied through the same rules as when it came ({@link ChangePropagation}),
 * a line of the POS end-of-day log or an ERP IDoc is read and applied again ({@link IslandFileRoutes#readAgain}).
 * Applying is idempotent as the streams are: a change older than what the hub already applied for the record, or a
 * till sale already counted, changes nothing and says so. Refused again, the letter stays open with the reason.
 * A captured event the hub cannot even decode has nothing to apply: correct the record at its island instead.
 */
@Component
class IslandReplay implements DeadLetterReplay {

    private final ChangePropagation propagation;
    private final IslandFileRoutes files;
    private final ChangeEventDecoder decoder = new ChangeEventDecoder();

    IslandReplay(ChangePropagation propagation, IslandFileRoutes files) {
        this.propagation = propagation;
        this.files = files;
    }

    @Override
    public DeadLetterSource source() {
        return DeadLetterSource.ISLAND;
    }

    /** @param origin the island and the table or file the letter came from, e.g. {@code POS eod-20261125.txt} */
    @Override
    public String replay(String origin, String key, byte[] message) {
        String[] parts = origin.split(" ", 2);
        Island island = Arrays.stream(Island.values()).filter(i -> i.name().equals(parts[0])).findFirst()
                .orElseThrow(() -> new DeadLetterRefusedException(Kind.NOT_REPLAYABLE, "the letter names no island: " + origin));
        String where = parts.length > 1 ? parts[1] : "";
        String text = new String(message, StandardCharsets.UTF_8);
        try {
            return file(where).isPresent() ? files.readAgain(island, where, text) : change(island, text);
        } catch (RefusedInputException | DataIntegrityViolationException refused) {
            throw new DeadLetterRefusedException(Kind.REPLAY_REFUSED, "refused again, the letter stays open: " + Refusals.reason(refused), refused);
        }
    }

    private static Optional<String> file(String where) {
        return where.endsWith(".txt") || where.endsWith(".xml") ? Optional.of(where) : Optional.empty();
    }

    private String change(Island island, String event) {
        IslandChange change = decoder.decode(island, event);
        if (change.operation() == ChangeEventDecoder.UNREADABLE) {
            throw new DeadLetterRefusedException(Kind.NOT_REPLAYABLE, "the captured event cannot be decoded, so there is nothing to apply: "
                    + "correct the record at " + island + " (its next change is captured again), then discard this letter with a reason");
        }
        return "captured change of " + island + " " + change.table() + " at " + change.position() + ": " + propagation.apply(change);
    }
}
