package com.buildtrace.api.upload;

import com.buildtrace.api.drawingset.Revision;
import com.buildtrace.api.system.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Resumable uploads of revisions: {@code /api/v1/projects/{project}/sets/{set}/uploads} to start one,
 * {@code /api/v1/projects/{project}/uploads} for those not finished, {@code /api/v1/uploads/{id}} for one, its
 * files' chunks and its completion.
 */
@RestController
@Tag(name = "Resumable uploads")
class UploadSessionController {

    /** The offset a file's next chunk must start at, on every chunk's answer and on a 409 or 416. */
    static final String OFFSET_HEADER = "Upload-Offset";

    private final UploadSessions sessions;

    UploadSessionController(UploadSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * A revision to upload in chunks.
     *
     * @param label what the team calls it ("Rev B")
     * @param issuedOn the issue date on the drawings, if known
     * @param note a free note
     * @param files the files, in the order their sheets come
     */
    record NewUpload(@NotBlank @Size(max = 200) String label, LocalDate issuedOn, @Size(max = 2000) String note,
                     @NotNull @Size(min = 1) List<@Valid @NotNull NewFile> files) {
    }

    /**
     * A file of a revision to upload.
     *
     * @param name its name
     * @param bytes its size
     * @param sha256 its SHA-256 in hex, if known: checked when the upload completes (and, given for every file,
     *     an upload identical to an earlier revision is refused at once)
     */
    record NewFile(@NotBlank @Size(max = 1000) String name, @PositiveOrZero long bytes,
                   @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hexadecimal digits") String sha256) {
    }

    @PostMapping("/api/v1/projects/{project}/sets/{set}/uploads")
    @Operation(summary = "Start a resumable upload of a revision: announce its files (name, size, optional SHA-256, "
            + "in sheet order); the answer has the session's id and chunkBytes, the largest chunk to send")
    ResponseEntity<UploadSession> startUpload(Caller caller, @PathVariable UUID project, @PathVariable UUID set,
                                         @Valid @RequestBody NewUpload body) {
        UploadSession s = sessions.create(caller, project, set, new UploadSessions.NewUpload(body.label().strip(),
                body.issuedOn(), body.note(), body.files().stream()
                .map(f -> new UploadSessions.AnnouncedFile(f.name(), f.bytes(), f.sha256())).toList()));
        return ResponseEntity.created(URI.create("/api/v1/uploads/" + s.id())).body(s);
    }

    @GetMapping("/api/v1/projects/{project}/uploads")
    @Operation(summary = "List the project's resumable uploads that are not finished, oldest first, with each "
            + "file's progress")
    List<UploadSession> openUploads(Caller caller, @PathVariable UUID project) {
        return sessions.open(caller, project);
    }

    @GetMapping("/api/v1/uploads/{id}")
    @Operation(summary = "Get a resumable upload: per file the bytes received (where its next chunk starts) and "
            + "its state")
    UploadSession uploadSession(Caller caller, @PathVariable UUID id) {
        return sessions.get(caller, id);
    }

    @PutMapping("/api/v1/uploads/{id}/files/{position}")
    @Operation(summary = "Send a chunk of a file (position from 0): the body is the bytes that Content-Range "
            + "'bytes FIRST-LAST/SIZE' names, FIRST being the file's offset; the same chunk again is harmless; "
            + "a chunk at another offset gets 409 with the offset (property 'offset' and header Upload-Offset)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<UploadSession.SessionFile> sendChunk(
            Caller caller, @PathVariable UUID id, @PathVariable int position,
            @Parameter(description = "bytes FIRST-LAST/SIZE", example = "bytes 0-8388607/20971520")
            @RequestHeader(name = "Content-Range", required = false) String range,
            HttpServletRequest request) throws IOException {
        UploadSession.SessionFile file = sessions.receive(caller, id, position, range, request.getContentLengthLong(),
                request.getInputStream());
        return ResponseEntity.ok().header(OFFSET_HEADER, Long.toString(file.received())).body(file);
    }

    @PostMapping("/api/v1/uploads/{id}/complete")
    @Operation(summary = "Complete a resumable upload whose files have all arrived: checks sizes and SHA-256s and "
            + "the content as a one-request upload does, and makes the revision (201; again: 200 and that revision)")
    ResponseEntity<Revision> completeUpload(Caller caller, @PathVariable UUID id) {
        UploadSessions.Completed c = sessions.complete(caller, id);
        return ResponseEntity.status(c.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/revisions/" + c.revision().id())).body(c.revision());
    }

    @DeleteMapping("/api/v1/uploads/{id}")
    @Operation(summary = "Cancel a resumable upload: it and the bytes it received are deleted")
    ResponseEntity<Void> cancelUpload(Caller caller, @PathVariable UUID id) {
        sessions.cancel(caller, id);
        return ResponseEntity.noContent().build();
    }

    /** A chunk at the wrong offset: the problem detail carries the offset to continue from. */
    @ExceptionHandler(OffsetMismatchException.class)
    ResponseEntity<ProblemDetail> offsetMismatch(OffsetMismatchException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        p.setTitle(e.title());
        p.setType(URI.create("https://buildtrace.dev/problems/" + e.status().value()));
        p.setProperty("offset", e.offset());
        return ResponseEntity.status(e.status()).header(OFFSET_HEADER, Long.toString(e.offset())).body(p);
    }
}
