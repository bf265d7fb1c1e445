package com.buildtrace.api.system;

import com.buildtrace.job.ComparisonException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem detail: Spring MVC's own (missing or malformed parameters, validation,
 * unknown routes) through the base class, the API's through {@link ApiException}, with a {@code detail} that
 * says what to change.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

    private final ApiProperties properties;

    ApiProblems(ApiProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(ApiException.class)
    ProblemDetail api(ApiException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        p.setTitle(e.title());
        p.setType(URI.create("https://buildtrace.dev/problems/" + e.status().value()));
        e.properties().forEach(p::setProperty);
        return p;
    }

    /** The batch layer refusing a request (already complete, running elsewhere, unknown sheet). */
    @ExceptionHandler(ComparisonException.class)
    ProblemDetail comparison(ComparisonException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    @ExceptionHandler(com.buildtrace.comparison.ComparisonNotFoundException.class)
    ProblemDetail missingComparison(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    /** An edited summary that cannot be taken as it is. */
    @ExceptionHandler(com.buildtrace.summary.InvalidSummaryException.class)
    ProblemDetail invalidSummary(RuntimeException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid summary", e.getMessage());
    }

    @ExceptionHandler(com.buildtrace.ai.AiNotConfiguredException.class)
    ProblemDetail aiNotConfigured(RuntimeException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "AI not configured", "AI is not configured on this server "
                + "(no OpenAI API key: OPENAI_API_KEY or buildtrace.ai.api-key), so questions cannot be answered; "
                + "the comparison's changes and its computed summary are all there");
    }

    @ExceptionHandler(com.buildtrace.ai.AiBudgetExceededException.class)
    ProblemDetail aiBudget(RuntimeException e) {
        return problem(HttpStatus.TOO_MANY_REQUESTS, "AI budget spent", e.getMessage());
    }

    @ExceptionHandler(com.buildtrace.ai.AiRequestException.class)
    ProblemDetail aiFailed(RuntimeException e) {
        return problem(HttpStatus.BAD_GATEWAY, "AI request failed", e.getMessage());
    }

    /** A package asked for before its files exist. */
    @ExceptionHandler(java.nio.file.NoSuchFileException.class)
    ProblemDetail noFile(java.nio.file.NoSuchFileException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "no such file: " + e.getFile()
                + (e.getReason() == null ? "" : " (" + e.getReason() + ")"));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "the upload is larger than the limit of " + properties.maxSetSize().toMegabytes()
                        + " MB per drawing set (buildtrace.api.max-set-size)");
        p.setTitle("Upload too large");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(p);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            org.springframework.web.bind.MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage())
                .collect(java.util.stream.Collectors.joining("; "));
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                detail.isEmpty() ? "the request body is not valid" : detail);
        p.setTitle("Invalid request");
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String cause = e.getMostSpecificCause().getMessage();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request body is not valid "
                + "JSON for this endpoint: " + (cause == null ? "unreadable" : cause.lines().findFirst().orElse(cause)));
        p.setTitle("Invalid request");
        return ResponseEntity.badRequest().body(p);
    }

    /** Anything unexpected: logged with its stack, answered without internals. */
    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        LOG.error("request failed", e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the server could not complete the request; the error is in its log");
        p.setTitle("Internal error");
        return p;
    }
}
