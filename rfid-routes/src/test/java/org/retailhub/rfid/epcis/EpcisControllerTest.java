package org.retailhub.rfid.epcis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.epcis.EpcisJournal;
import org.retailhub.domain.epcis.EpcisQuery;
import org.retailhub.domain.epcis.JournalEvent;
import org.retailhub.rfid.layout.SampleStore;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** Capture: GS1's schema decides, failing members are named by JSON Pointer; events are kept once; queries answer documents. */
class EpcisControllerTest {

    private static final String DOCUMENT = """
            {"@context":["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],"type":"EPCISDocument","schemaVersion":"2.0",
             "creationDate":"2025-07-01T08:00:00Z","epcisBody":{"eventList":[
              {"type":"ObjectEvent","eventTime":"2025-07-01T10:30:00+02:00","eventTimeZoneOffset":"+02:00",
               "epcList":["urn:epc:id:sgtin:4012345.000022.1","urn:epc:id:sgtin:4012345.000022.2"],"action":"OBSERVE",
               "bizStep":"receiving","disposition":"in_progress","readPoint":{"id":"urn:epc:id:sgln:4012345.00001.dock"},
               "bizLocation":{"id":"urn:epc:id:sgln:4012345.00001.0"}},
              {"type":"AggregationEvent","eventID":"urn:uuid:6f2b6a5e-3f0c-4a2e-9a51-1f5b8c0d2e11","eventTime":"2025-07-01T10:31:00+02:00",
               "eventTimeZoneOffset":"+02:00","parentID":"urn:epc:id:sscc:4012345.0000000001","childEPCs":["urn:epc:id:sgtin:4012345.000022.1"],
               "action":"ADD","bizStep":"packing"}]}}""";

    private final MemoryJournal journal = new MemoryJournal();
    private final ObjectMapper json = new ObjectMapper();
    private final MockMvc http = MockMvcBuilders.standaloneSetup(new EpcisController(new EpcisSchema(), journal,
            new EpcisEvents(json, SampleStore.layout()), new EpcisProperties("rfid.epcis", 1000))).build();

    @Test
    void aValidDocumentsEventsAreKeptOnceEachAndPublished() throws Exception {
        http.perform(post("/api/epcis/capture").contentType("application/ld+json").content(DOCUMENT))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.events").value(2))
                .andExpect(jsonPath("$.new").value(2))
                .andExpect(jsonPath("$.eventIds[1]").value("urn:uuid:6f2b6a5e-3f0c-4a2e-9a51-1f5b8c0d2e11"));
        http.perform(post("/api/epcis/capture").contentType(MediaType.APPLICATION_JSON).content(DOCUMENT))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.new").value(0));

        assertThat(journal.events).hasSize(2);
        assertThat(journal.topics).containsExactly("rfid.epcis");
        JournalEvent aggregation = journal.events.get(1);
        assertThat(aggregation.epcs()).containsExactly("urn:epc:id:sgtin:4012345.000022.1", "urn:epc:id:sscc:4012345.0000000001");
        assertThat(journal.events.get(0).event().has("@context")).as("the document's context travels with each event").isTrue();
        assertThat(journal.events.get(0).readPoint()).isEqualTo("urn:epc:id:sgln:4012345.00001.dock");
    }

    @Test
    void aDocumentTheSchemaRefusesIs400NamingEachFailingMember() throws Exception {
        String broken = DOCUMENT.replace("\"action\":\"OBSERVE\"", "\"action\":\"LOOK\"").replace("\"2025-07-01T08:00:00Z\"", "\"yesterday\"");

        http.perform(post("/api/epcis/capture").contentType(MediaType.APPLICATION_JSON).content(broken))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://retail-hub.org/problems/invalid-epcis"))
                .andExpect(jsonPath("$.errors[?(@.pointer == '/creationDate')]").exists())
                .andExpect(jsonPath("$.errors[?(@.pointer == '/epcisBody/eventList/0/action')]").exists());
        assertThat(journal.events).isEmpty();
    }

    @Test
    void aQueryAnswersAnEpcisDocumentOfWhatMatches() throws Exception {
        http.perform(post("/api/epcis/capture").contentType(MediaType.APPLICATION_JSON).content(DOCUMENT)).andExpect(status().isAccepted());

        String answer = http.perform(get("/api/epcis/events").param("epc", "urn:epc:id:sgtin:4012345.000022.2")
                        .param("from", "2025-07-01T00:00:00Z").param("to", "2025-07-02T00:00:00Z"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        JsonNode document = json.readTree(answer);
        assertThat(new EpcisSchema().check(document)).isEmpty();
        assertThat(document.at("/epcisBody/eventList")).hasSize(1);
        assertThat(journal.asked.epc()).isEqualTo("urn:epc:id:sgtin:4012345.000022.2");
        assertThat(journal.asked.from()).hasToString("2025-07-01T00:00:00Z");
    }

    /** The journal in memory: kept once per id, queries answered by EPC. */
    static final class MemoryJournal extends EpcisJournal {
        final List<JournalEvent> events = new ArrayList<>();
        final Set<String> topics = new TreeSet<>();
        EpcisQuery asked;

        MemoryJournal() {
            super(null, null, null, null);
        }

        @Override
        public int record(List<JournalEvent> recorded, String source, String topic) {
            topics.add(topic);
            int added = 0;
            for (JournalEvent event : recorded) {
                if (events.stream().noneMatch(e -> e.eventId().equals(event.eventId()))) {
                    events.add(event);
                    added++;
                }
            }
            return added;
        }

        @Override
        public List<JsonNode> find(EpcisQuery query) {
            asked = query;
            return events.stream().filter(e -> e.epcs().contains(query.epc())).map(JournalEvent::event).toList();
        }
    }
}
