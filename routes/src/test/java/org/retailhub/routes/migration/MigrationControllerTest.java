package org.retailhub.routes.migration;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.migration.MaskingKeyMissingException;
import org.retailhub.domain.migration.MigrationEntity;
import org.retailhub.domain.migration.MigrationProcesses;
import org.retailhub.domain.migration.MigrationRuns;
import org.retailhub.domain.migration.MigrationTarget;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The migration API: a start answered with the run and its report's address, refusals as problem details, reports by format. */
class MigrationControllerTest {

    private final MigrationProcesses processes = mock(MigrationProcesses.class);
    private final MigrationRuns runs = mock(MigrationRuns.class);
    private final MockMvc api = MockMvcBuilders.standaloneSetup(new MigrationController(processes, runs)).build();

    @Test
    void aStartIsAcceptedWithTheRunAndWhereItsReportWillBe() throws Exception {
        when(processes.start(any())).thenReturn("0a1b2c3d-0000-0000-0000-000000000001");

        api.perform(post("/api/migrations").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                        .content("{\"sources\":\"CRM\",\"entities\":\"loyalty_accounts\",\"target\":\"masked_copy\",\"chunkSize\":250}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/migrations/0a1b2c3d-0000-0000-0000-000000000001/report"))
                .andExpect(jsonPath("$.runId").value("0a1b2c3d-0000-0000-0000-000000000001"));
        verify(processes).start(argThat(r -> r.target() == MigrationTarget.MASKED_COPY && r.chunkSize() == 250
                && r.entities().equals(java.util.List.of(MigrationEntity.LOYALTY_ACCOUNTS))));
    }

    @Test
    void aBadRequestOrAMissingMaskingKeyIsRefusedWithItsReasonAndStartsNothing() throws Exception {
        api.perform(post("/api/migrations").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                        .content("{\"sources\":\"POS\",\"entities\":\"LOYALTY_ACCOUNTS\",\"target\":\"HUB\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("LOYALTY_ACCOUNTS is kept by CRM, which is not among the sources [POS]"));
        verify(processes, never()).start(any());

        when(processes.start(any())).thenThrow(new MaskingKeyMissingException());
        api.perform(post("/api/migrations").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                        .content("{\"sources\":\"POS\",\"entities\":\"SALES\",\"target\":\"MASKED_COPY\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("No masking key"));
    }

    @Test
    void aFinishedRunsReportComesAsMarkdownOrJsonAndAnUnknownRunIsNotFound() throws Exception {
        String run = "0a1b2c3d-0000-0000-0000-000000000002";
        when(runs.report(run, MigrationRuns.Format.MARKDOWN)).thenReturn(Optional.of("# Data migration " + run));
        when(runs.report(run, MigrationRuns.Format.JSON)).thenReturn(Optional.of("{\"runId\":\"" + run + "\"}"));

        api.perform(get("/api/migrations/" + run + "/report")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/markdown")).andExpect(content().string("# Data migration " + run));
        api.perform(get("/api/migrations/" + run + "/report.json")).andExpect(status().isOk()).andExpect(jsonPath("$.runId").value(run));
        api.perform(get("/api/migrations/0a1b2c3d-0000-0000-0000-000000000009/report.json")).andExpect(status().isNotFound());
        api.perform(get("/api/migrations/not;a;run/report")).andExpect(status().isNotFound());
    }
}
