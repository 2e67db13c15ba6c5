package org.retailhub.routes.order;

import java.net.URI;
import java.util.List;
import org.retailhub.domain.order.InvalidOrderException;
import org.retailhub.domain.order.OrderAlreadyFinishedException;
import org.retailhub.domain.order.OrderBusyException;
import org.retailhub.domain.order.OrderNotFoundException;
import org.retailhub.domain.payment.RefundNotPossibleException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Maps the order API's failures to RFC 9457 problem details that name the offending input, never internals. */
@RestControllerAdvice
public class OrderProblems extends ResponseEntityExceptionHandler {

    private static final String TYPE_BASE = "https://retail-hub.org/problems/";

    @ExceptionHandler(InvalidOrderException.class)
    ProblemDetail invalidOrder(InvalidOrderException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-order", "Order cannot be accepted", e.getMessage());
        problem.setProperty("externalId", e.externalId());
        return problem;
    }

    @ExceptionHandler(OrderNotFoundException.class)
    ProblemDetail notFound(OrderNotFoundException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "order-not-found", "Order not found", e.getMessage());
        problem.setProperty("orderId", e.orderId());
        return problem;
    }

    @ExceptionHandler(OrderAlreadyFinishedException.class)
    ProblemDetail finished(OrderAlreadyFinishedException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "order-finished", "Order is already finished", e.getMessage());
        problem.setProperty("orderId", e.orderId());
        problem.setProperty("status", e.status());
        return problem;
    }

    @ExceptionHandler(OrderBusyException.class)
    ResponseEntity<ProblemDetail> busy(OrderBusyException e) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "order-busy", "Order is busy, try again", e.getMessage());
        problem.setProperty("orderId", e.orderId());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter().toSeconds())).body(problem);
    }

    @ExceptionHandler(RefundNotPossibleException.class)
    ProblemDetail refundNotPossible(RefundNotPossibleException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "refund-not-possible", "Refund not possible", e.getMessage());
        problem.setProperty("orderId", e.orderId());
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<String> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + " " + f.getDefaultMessage()).sorted().toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Request is not valid", String.join("; ", errors));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
