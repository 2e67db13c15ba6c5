package org.retailhub.security.edge;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.net.URI;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request parameter outside its bounds ({@code ?limit=0} where a controller says {@code @Min(1)}) is the caller's
 * mistake: {@code 400} with a problem detail that names each parameter and its rule. Controllers marked
 * {@code @Validated} have their parameters checked by Spring's method validation, which throws
 * {@link ConstraintViolationException}; nothing else maps it, so without this it was answered {@code 500}. The value
 * sent is not repeated: it may be anything, personal data included.
 */
@RestControllerAdvice
public class InvalidParameters {

    static final String TYPE = "invalid-parameter";

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalid(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(violation -> parameter(violation) + ": " + violation.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create(Problems.TYPE_BASE + TYPE));
        problem.setTitle("Invalid request parameter");
        return problem;
    }

    /** The parameter's name: the last node of the path, which starts with the controller's method ({@code newest.limit}). */
    private static String parameter(ConstraintViolation<?> violation) {
        return StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .reduce((first, second) -> second).map(Path.Node::getName).orElse("parameter");
    }
}
