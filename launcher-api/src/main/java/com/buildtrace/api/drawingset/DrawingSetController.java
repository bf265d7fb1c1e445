package com.buildtrace.api.drawingset;

import com.buildtrace.api.project.ProjectAccess;
import com.buildtrace.api.project.ProjectRole;
import com.buildtrace.api.system.ApiException;
import com.buildtrace.api.system.Caller;
import com.buildtrace.api.system.PageOf;
import com.buildtrace.storage.DrawingStore;
import com.buildtrace.storage.StorageKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Drawing sets of a project, uploads of their revisions, and the original files:
 * {@code /api/v1/projects/{project}/sets}, {@code /api/v1/projects/{project}/revisions},
 * {@code /api/v1/revisions/{id}}.
 */
@RestController
@Tag(name = "Drawing sets")
class DrawingSetController {

    private final DrawingSetRepository repository;

    private final RevisionUploads uploads;

    private final ProjectAccess access;

    private final DrawingStore store;

    DrawingSetController(DrawingSetRepository repository, RevisionUploads uploads, ProjectAccess access,
                         DrawingStore store) {
        this.repository = repository;
        this.uploads = uploads;
        this.access = access;
        this.store = store;
    }

    /** @param name e.g. "Architectural", unique within the project */
    record NewSet(@NotBlank @Size(max = 200) String name) {
    }

    @PostMapping("/api/v1/projects/{project}/sets")
    @Operation(summary = "Create a drawing set in a project")
    ResponseEntity<DrawingSet> createSet(Caller caller, @PathVariable UUID project, @Valid @RequestBody NewSet body) {
        access.require(caller, project, ProjectRole.EDITOR, "create a drawing set");
        try {
            DrawingSet set = repository.createSet(caller, project, body.name().strip());
            return ResponseEntity.created(URI.create("/api/v1/projects/" + project + "/sets/" + set.id())).body(set);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("the project already has a drawing set named '" + body.name().strip() + "'");
        }
    }

    @GetMapping("/api/v1/projects/{project}/sets")
    @Operation(summary = "List the drawing sets of a project")
    List<DrawingSet> sets(Caller caller, @PathVariable UUID project) {
        access.require(caller, project);
        return repository.sets(caller, project);
    }

    @GetMapping("/api/v1/projects/{project}/sets/{set}")
    @Operation(summary = "Get a drawing set")
    DrawingSet set(Caller caller, @PathVariable UUID project, @PathVariable UUID set) {
        return repository.findSet(caller, project, set).orElseThrow(() -> ApiException.notFound("drawing set", set));
    }

    @PostMapping(path = "/api/v1/projects/{project}/sets/{set}/revisions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a revision: one or several PDF or image files (parts named 'files', in sheet order)")
    ResponseEntity<Revision> upload(Caller caller, @PathVariable UUID project, @PathVariable UUID set,
                                    @RequestPart(name = "files", required = false) List<MultipartFile> files,
                                    @RequestParam String label,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                    LocalDate issuedOn,
                                    @RequestParam(required = false) String note) {
        if (label.isBlank() || label.length() > 200) {
            throw ApiException.invalid("label must have 1 to 200 characters, e.g. 'Rev B'");
        }
        if (note != null && note.length() > 2000) {
            throw ApiException.invalid("note must have at most 2000 characters");
        }
        Revision r = uploads.upload(caller, project, set,
                new RevisionUploads.Upload(label.strip(), issuedOn, note,
                        files == null ? List.of() : files.stream().map(IncomingFile::of).toList(), false));
        return ResponseEntity.created(URI.create("/api/v1/revisions/" + r.id())).body(r);
    }

    @GetMapping("/api/v1/projects/{project}/revisions")
    @Operation(summary = "List the revisions of a project (or of one of its sets), newest first")
    PageOf<Revision> revisions(Caller caller, @PathVariable UUID project, @RequestParam(required = false) UUID set,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageOf.check(page, size);
        access.require(caller, project);
        return new PageOf<>(repository.revisions(caller, project, set, page, size), page, size,
                repository.countRevisions(project, set));
    }

    @GetMapping("/api/v1/revisions/{id}")
    @Operation(summary = "Get a revision with its files")
    Revision revision(Caller caller, @PathVariable UUID id) {
        return repository.find(caller, id).orElseThrow(() -> ApiException.notFound("revision", id));
    }

    @GetMapping("/api/v1/revisions/{id}/files/{position}")
    @Operation(summary = "Download an original file of a revision (position from 0, in upload order)")
    ResponseEntity<InputStreamResource> download(Caller caller, @PathVariable UUID id, @PathVariable int position)
            throws IOException {
        Revision r = revision(caller, id);
        if (position < 0 || position >= r.files().size()) {
            throw ApiException.notFound("file " + position + " in revision", id);
        }
        Revision.RevisionFile f = r.files().get(position);
        InputStream in = store.read(new StorageKey(repository.fileKeys(id).get(position)));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.mediaType())).contentLength(f.bytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .eTag("\"" + f.sha256() + "\"")
                .body(new InputStreamResource(in));
    }
}
