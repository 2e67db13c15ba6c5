package org.retailhub.rfid.reads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.retailhub.rfid.epc.EpcBinaryEncoding;
import org.retailhub.rfid.epc.InvalidEpcException;
import org.retailhub.rfid.epc.TagEpc;
import org.retailhub.rfid.layout.StoreLayout;

/**
 * Reader messages into canonical reads. A message that is no JSON is refused whole ({@link RefusedReadException});
 * otherwise each tag record is read or refused on its own, so one foreign tag in a batch of fifty costs one read, not
 * fifty: a record from a reader the layout does not know, with an EPC the codec refuses, or missing a member.
 */
public final class ReaderMessages {

    private final ObjectMapper json;
    private final StoreLayout layout;

    public ReaderMessages(ObjectMapper json, StoreLayout layout) {
        this.json = json;
        this.layout = layout;
    }

    /**
     * @param topicReader the reader the message's topic names ({@code null} when the topic names none)
     * @throws RefusedReadException when the message is no JSON or holds no event
     */
    public ReadBatch read(ReaderFormat format, String topicReader, byte[] message) {
        List<TagRead> reads = new ArrayList<>();
        List<ReadBatch.RefusedRecord> refused = new ArrayList<>();
        int skipped = 0;
        for (JsonNode event : format.format().events(json, message, topicReader)) {
            try {
                TagReport report = format.format().report(event, topicReader);
                if (report == null) {
                    skipped++;
                } else {
                    reads.add(canonical(report));
                }
            } catch (RefusedReadException e) {
                refused.add(new ReadBatch.RefusedRecord(e.problem(), e.reader(), e.getMessage(), event.toString()));
            }
        }
        return new ReadBatch(List.copyOf(reads), List.copyOf(refused), skipped);
    }

    private TagRead canonical(TagReport report) {
        if (report.reader() == null || layout.reader(report.reader()).isEmpty()) {
            throw new RefusedReadException(ReadProblem.UNKNOWN_READER, report.reader(),
                    "reader " + report.reader() + " is not in the store layout (hub.rfid.readers)");
        }
        TagEpc tag;
        try {
            tag = EpcBinaryEncoding.decode(report.epcHex());
        } catch (InvalidEpcException e) {
            throw new RefusedReadException(ReadProblem.INVALID_EPC, report.reader(), e.problem().slug() + ": " + e.detail());
        }
        return new TagRead(report.epcHex().toUpperCase(Locale.ROOT), tag.identity().pureIdentityUri(), report.reader(),
                report.antenna(), report.rssi(), report.time());
    }
}
