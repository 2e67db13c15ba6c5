package org.retailhub.app.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.NoSuchElementException;
import org.retailhub.processes.models.ModelDeployments;
import org.retailhub.processes.models.ModelDeployments.ModelRefused;
import org.retailhub.processes.models.ModelMigrations;
import org.retailhub.processes.models.ModelReview.ModelFile;
import org.retailhub.processes.models.ModelVersion;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Analysts change processes and promotion tables while the hub runs (docs/models.md): {@code POST /api/models} reviews
 * the uploaded BPMN/DMN files with their scenario files and deploys them, or answers {@code 422} with every problem;
 * {@code GET} lists versions; a rollback deploys an earlier version again; a migration plan for running instances is
 * previewed by analysts and executed by operators.
 */
@RestController
@RequestMapping("/api/models")
public class ModelController {

    private static final String KEY = "[A-Za-z][A-Za-z0-9_.-]{0,99}";

    private final ModelDeployments deployments;
    private final ModelMigrations migrations;

    public ModelController(ModelDeployments deployments, ModelMigrations migrations) {
        this.deployments = deployments;
        this.migrations = migrations;
    }

    /** What a rollback asks for: the version to bring back (default: the one before the newest). */
    record Rollback(Integer toVersion) {
    }

    /** What a migration asks for: move the running instances of {@code fromVersion} to {@code toVersion} (default: newest). */
    record Migration(int fromVersion, Integer toVersion) {
    }

    /** How many instances moved. */
    record Migrated(String key, int fromVersion, Integer toVersion, int instances) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<List<ModelVersion>> deploy(@RequestPart("files") List<MultipartFile> files,
                                              @RequestPart(value = "scenarios", required = false) List<MultipartFile> scenarios,
                                              @RequestParam(value = "versionTag", required = false) String versionTag, Principal analyst) {
        List<ModelVersion> deployed = deployments.deploy(analyst.getName(), read(files), read(scenarios), versionTag);
        return ResponseEntity.created(URI.create("/api/models/" + deployed.get(0).key())).body(deployed);
    }

    @GetMapping
    List<ModelVersion> newestVersions() {
        return deployments.newest();
    }

    @GetMapping("/{key}")
    List<ModelVersion> versions(@PathVariable String key) {
        return deployments.versions(checked(key));
    }

    @PostMapping("/{key}/rollback")
    ResponseEntity<ModelVersion> rollback(@PathVariable String key, @RequestBody(required = false) Rollback body, Principal analyst) {
        ModelVersion version = deployments.rollback(analyst.getName(), checked(key), body == null ? null : body.toVersion());
        return ResponseEntity.created(URI.create("/api/models/" + version.key())).body(version);
    }

    @GetMapping("/{key}/migration-plan")
    ModelMigrations.Plan plan(@PathVariable String key, @RequestParam int fromVersion, @RequestParam(required = false) Integer toVersion,
                              Principal analyst) {
        return migrations.preview(analyst.getName(), checked(key), fromVersion, toVersion);
    }

    @PostMapping("/{key}/migrations")
    Migrated migrate(@PathVariable String key, @RequestBody Migration body, Principal operator) {
        int moved = migrations.execute(operator.getName(), checked(key), body.fromVersion(), body.toVersion());
        return new Migrated(key, body.fromVersion(), body.toVersion(), moved);
    }

    @ExceptionHandler(ModelRefused.class)
    ProblemDetail refused(ModelRefused refused) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "model-refused", "Model refused",
                "nothing was deployed: fix every problem listed and upload again");
        problem.setProperty("problems", refused.problems());
        return problem;
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail unknown(NoSuchElementException unknown) {
        return problem(HttpStatus.NOT_FOUND, "unknown-model", "Unknown model or version", unknown.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException refused) {
        return problem(HttpStatus.BAD_REQUEST, "bad-model-request", "Model request refused", refused.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail conflict(IllegalStateException blocked) {
        return problem(HttpStatus.CONFLICT, "migration-blocked", "Migration blocked", blocked.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://retail-hub.org/problems/" + type));
        problem.setTitle(title);
        return problem;
    }

    private static String checked(String key) {
        if (!key.matches(KEY)) {
            throw new IllegalArgumentException("not a process or decision id: letters, digits, '_', '.', '-'");
        }
        return key;
    }

    private static List<ModelFile> read(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream().map(f -> {
            try {
                return new ModelFile(f.getOriginalFilename() == null ? "" : f.getOriginalFilename(), f.getBytes());
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }).toList();
    }
}
