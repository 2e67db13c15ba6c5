package org.retailhub.routes.deadletter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.retailhub.domain.deadletter.DeadLetter;
import org.retailhub.domain.deadletter.DeadLetterDesk;
import org.retailhub.domain.deadletter.DeadLetterRefusedException;
import org.retailhub.domain.deadletter.DeadLetterSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dead-letter desk for scripts: {@code GET /api/dead-letters} lists every source's letters (open ones by default,
 * newest first); operators see the payload with personal data masked, analysts only reason, origin and time.
 * {@code POST /api/dead-letters/{source}/{id}/replay} puts a letter's message back into its flow after the cause was
 * fixed, {@code POST …/discard} sets it aside for good with a reason; both for operators, audited.
 */
@RestController
@Validated
@RequestMapping("/api/dead-letters")
public class DeadLetterController {

    /** Who sees payloads and acts on letters (the rules in EndpointRules let the others no further than the list). */
    private static final List<String> HANDLERS = List.of("OPERATOR", "ADMIN");

    private final DeadLetterDesk desk;

    public DeadLetterController(DeadLetterDesk desk) {
        this.desk = desk;
    }

    /** Why an operator discards a letter: required, kept with the letter and in the audit trail. */
    public record Discard(@NotBlank @Size(max = 500) String reason) {
    }

    @GetMapping
    List<DeadLetter> deadLetters(@RequestParam(required = false) String source,
                                 @RequestParam(defaultValue = "true") boolean open,
                                 @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                                 HttpServletRequest request) {
        Optional<DeadLetterSource> from = source == null ? Optional.empty() : Optional.of(source(source));
        return desk.list(from, open, HANDLERS.stream().anyMatch(request::isUserInRole), limit);
    }

    @PostMapping("/{source}/{id}/replay")
    DeadLetter replay(@PathVariable String source, @PathVariable long id, Principal caller) {
        return desk.replay(source(source), id, caller.getName());
    }

    @PostMapping("/{source}/{id}/discard")
    DeadLetter discard(@PathVariable String source, @PathVariable long id, @Valid @RequestBody Discard body, Principal caller) {
        return desk.discard(source(source), id, caller.getName(), body.reason().strip());
    }

    @ExceptionHandler(DeadLetterRefusedException.class)
    ProblemDetail refused(DeadLetterRefusedException refused) {
        HttpStatus status = refused.kind() == DeadLetterRefusedException.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
        return problem(status, refused.kind().slug(), refused.kind().title(), refused.getMessage());
    }

    private static DeadLetterSource source(String slug) {
        return DeadLetterSource.ofSlug(slug).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                problem(HttpStatus.NOT_FOUND, "unknown-dead-letter-source", "Unknown dead-letter source",
                        "sources are " + java.util.Arrays.stream(DeadLetterSource.values()).map(DeadLetterSource::slug).toList()), null));
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://retail-hub.org/problems/" + type));
        problem.setTitle(title);
        return problem;
    }
}
