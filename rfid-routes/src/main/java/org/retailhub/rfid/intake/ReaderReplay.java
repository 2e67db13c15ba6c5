package org.retailhub.rfid.intake;

import java.util.Arrays;
import org.retailhub.domain.deadletter.DeadLetterRefusedException;
import org.retailhub.domain.deadletter.DeadLetterRefusedException.Kind;
import org.retailhub.domain.deadletter.DeadLetterReplay;
import org.retailhub.domain.deadletter.DeadLetterSource;
import org.retailhub.rfid.reads.ReadBatch;
import org.retailhub.rfid.reads.ReaderFormat;
import org.retailhub.rfid.reads.ReaderMessages;
import org.retailhub.rfid.reads.RefusedReadException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * An RFID dead letter replayed after its cause was fixed (the reader added to the store layout, the reader's firmware
 * writing valid EPCs again): the message or tag record is read again, as a message of the format its MQTT topic names,
 * and its reads go on to the smoothing like live ones. All or nothing: if any record is refused again, nothing is
 * taken and the letter stays open with the reason (no second letter is made).
 */
@Component
@ConditionalOnProperty(name = "hub.rfid.intake.enabled", havingValue = "true", matchIfMissing = true)
public class ReaderReplay implements DeadLetterReplay {

    private final ReaderIntakeProperties properties;
    private final ReaderMessages messages;
    private final TagObservations observations;

    public ReaderReplay(ReaderIntakeProperties properties, ReaderMessages messages, TagObservations observations) {
        this.properties = properties;
        this.messages = messages;
        this.observations = observations;
    }

    @Override
    public DeadLetterSource source() {
        return DeadLetterSource.RFID;
    }

    /** @param origin the reader's MQTT topic, {@code rfid/zebra/<reader id>} */
    @Override
    public String replay(String origin, String key, byte[] message) {
        ReaderFormat format = Arrays.stream(ReaderFormat.values())
                .filter(f -> origin.startsWith(properties.topicPrefix() + "/" + f.slug() + "/")).findFirst()
                .orElseThrow(() -> new DeadLetterRefusedException(Kind.NOT_REPLAYABLE, "'" + origin + "' is no reader topic of this hub"));
        String reader = origin.substring(origin.lastIndexOf('/') + 1);
        ReadBatch batch;
        try {
            batch = messages.read(format, reader, message);
        } catch (RefusedReadException refused) {
            throw new DeadLetterRefusedException(Kind.REPLAY_REFUSED, "refused again, the letter stays open: " + refused.getMessage(), refused);
        }
        if (!batch.refused().isEmpty()) {
            throw new DeadLetterRefusedException(Kind.REPLAY_REFUSED, "refused again, the letter stays open: " + batch.refused().get(0).reason());
        }
        observations.take(batch.reads());
        return batch.reads().size() + " read(s) of reader " + reader + " taken";
    }
}
