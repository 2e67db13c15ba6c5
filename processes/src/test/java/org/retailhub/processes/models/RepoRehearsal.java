package org.retailhub.processes.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.h2.jdbcx.JdbcDataSource;
import org.retailhub.processes.models.ModelReview.ModelFile;
import org.retailhub.processes.models.ModelReview.Rehearsal;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The review as CI runs it on the repo: process scenarios on a scenario engine in an in-memory H2 database (the hub
 * runs the same engine on its PostgreSQL), called processes from the repo's models, the steps of the step beans here.
 */
final class RepoRehearsal {

    /** One scenario engine for the whole test run: built once (about a second), each review cleans up after itself. */
    static final ScenarioEngine ENGINE = new ScenarioEngine(() -> {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:scenarios;DB_CLOSE_DELAY=-1");
        return h2;
    }, null);

    private static Map<String, ModelFile> models;
    private static Set<String> steps;

    private RepoRehearsal() {
    }

    static Rehearsal rehearsal() {
        return new Rehearsal(ENGINE, key -> repoModels().get(key), steps());
    }

    /** The repo's BPMN models by the process keys they define. */
    static synchronized Map<String, ModelFile> repoModels() {
        if (models == null) {
            models = new HashMap<>();
            try {
                for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.bpmn")) {
                    try (InputStream in = model.getInputStream()) {
                        ModelFile file = new ModelFile(model.getFilename(), in.readAllBytes());
                        Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(file.content())).getModelElementsByType(Process.class)
                                .forEach(p -> models.put(p.getId(), file));
                    }
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        return models;
    }

    /** The steps of the step beans of this module ({@code @Component("payment")}), as the hub's context has them. */
    static synchronized Set<String> steps() {
        if (steps == null) {
            Map<String, Class<?>> beans = new HashMap<>();
            var scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
            for (var candidate : scanner.findCandidateComponents("org.retailhub.processes")) {
                try {
                    Class<?> type = Class.forName(candidate.getBeanClassName());
                    String name = type.getAnnotation(Component.class).value();
                    if (!name.isEmpty()) {
                        beans.put(name, type);
                    }
                } catch (ClassNotFoundException missing) {
                    throw new IllegalStateException(missing);
                }
            }
            steps = HubSteps.of(beans);
        }
        return steps;
    }
}
