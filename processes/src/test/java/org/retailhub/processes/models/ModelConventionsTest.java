package org.retailhub.processes.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The house rules ({@link BpmnRules}) on every BPMN model in the build: the same rules {@code POST /api/models} applies
 * to an analyst's upload, so a model the repo accepts is one the hub accepts.
 */
class ModelConventionsTest {

    static Stream<Resource> models() throws IOException {
        return Stream.of(new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.bpmn"));
    }

    @ParameterizedTest
    @MethodSource("models")
    void modelFollowsTheHouseRules(Resource model) throws IOException {
        BpmnModelInstance bpmn;
        try (InputStream in = model.getInputStream()) {
            bpmn = Bpmn.readModelFromStream(in);
        }
        Bpmn.validateModel(bpmn);
        assertThat(BpmnRules.problems(bpmn)).as(model.getFilename()).isEmpty();
    }

    /** Diagrams are for people: read left to right, no crossing flows, nothing drawn on top of anything else. */
    @ParameterizedTest
    @MethodSource("models")
    void diagramIsReadable(Resource model) throws IOException {
        try (InputStream in = model.getInputStream()) {
            assertThat(BpmnRules.diagramProblems(Bpmn.readModelFromStream(in))).as(model.getFilename()).isEmpty();
        }
    }
}
