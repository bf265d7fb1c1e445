package com.buildtrace.api.comparison;

import com.buildtrace.api.drawingset.Revision;
import com.buildtrace.api.drawingset.RevisionUploads;
import com.buildtrace.api.system.ApiException;
import com.buildtrace.api.system.Caller;
import com.buildtrace.api.system.PageOf;
import com.buildtrace.storage.DrawingStore;
import com.buildtrace.storage.StorageKey;
import com.buildtrace.storage.StorageLayout;
import com.buildtrace.storage.StoredObject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/comparisons}: create (from two revisions, or from two files), list, status with progress,
 * per-sheet results, images, report, result.json, cancel, restart.
 */
@RestController
@Tag(name = "Comparisons")
class ComparisonController {

    /** Images a sheet may have. */
    private static final Set<String> IMAGES = Set.of("overlay", "old", "new", "preview", "thumbnail");

    private static final Set<String> STATUSES = Set.of("queued", "running", "completed", "failed", "cancelled");

    private final ComparisonService service;

    private final ComparisonRepository comparisons;

    private final RevisionUploads uploads;

    private final DrawingStore store;

    private final com.buildtrace.summary.SummaryService summaries;

    ComparisonController(ComparisonService service, ComparisonRepository comparisons, RevisionUploads uploads,
                         DrawingStore store, com.buildtrace.summary.SummaryService summaries) {
        this.service = service;
        this.comparisons = comparisons;
        this.uploads = uploads;
        this.store = store;
        this.summaries = summaries;
    }

    /**
     * Two revisions to compare.
     *
     * @param oldRevisionId the earlier revision
     * @param newRevisionId the later revision
     * @param dpi resolution to compare at (36 to 600; default from buildtrace.api.dpi)
     */
    record NewComparison(@NotNull UUID oldRevisionId, @NotNull UUID newRevisionId, Double dpi) {
    }

    @PostMapping(path = "/api/v1/comparisons", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Compare two revisions: 202 and the new comparison, or 200 and the existing comparison "
            + "of that pair")
    ResponseEntity<ComparisonView> create(Caller caller, @Valid @RequestBody NewComparison body) {
        return created(service.create(caller, body.oldRevisionId(), body.newRevisionId(), body.dpi(), "api"));
    }

    @PostMapping(path = "/api/v1/comparisons", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Compare two files directly: each becomes a revision of a drawing set of the project "
            + "(named setName, default the new file's name)")
    ResponseEntity<ComparisonView> createFromFiles(Caller caller, @RequestParam UUID projectId,
                                                   @RequestPart(name = "oldFile", required = false) MultipartFile oldFile,
                                                   @RequestPart(name = "newFile", required = false) MultipartFile newFile,
                                                   @RequestParam(required = false) String setName,
                                                   @RequestParam(required = false) Double dpi) {
        if (oldFile == null || newFile == null) {
            throw ApiException.invalid("send two files, as multipart parts named 'oldFile' and 'newFile'");
        }
        String set = setName == null || setName.isBlank() ? baseName(newFile) : setName.strip();
        if (set.length() > 200) {
            throw ApiException.invalid("setName must have at most 200 characters");
        }
        Revision older = uploads.uploadForComparison(caller, projectId, set, oldFile, "old: " + RevisionUploads.displayName(oldFile));
        Revision newer = uploads.uploadForComparison(caller, projectId, set, newFile, "new: " + RevisionUploads.displayName(newFile));
        return created(service.create(caller, older.id(), newer.id(), dpi, "api"));
    }

    private static ResponseEntity<ComparisonView> created(ComparisonService.Created c) {
        URI location = URI.create("/api/v1/comparisons/" + c.comparison().id());
        return ResponseEntity.status(c.created() ? HttpStatus.ACCEPTED : HttpStatus.OK).location(location)
                .body(c.comparison());
    }

    @GetMapping("/api/v1/comparisons")
    @Operation(summary = "Recent comparisons of the caller's projects, newest first, with thumbnails")
    PageOf<ComparisonView> list(Caller caller, @RequestParam(required = false) UUID projectId,
                                @RequestParam(required = false) String status,
                                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageOf.check(page, size);
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.invalid("status must be one of " + String.join(", ", STATUSES.stream().sorted().toList()));
        }
        return new PageOf<>(comparisons.list(caller, projectId, status, page, size).stream()
                .map(service::waitingHere).toList(), page, size, comparisons.count(caller, projectId, status));
    }

    @GetMapping("/api/v1/comparisons/{id}")
    @Operation(summary = "A comparison: status, progress (sheets done/total) and per-sheet status")
    ComparisonView get(Caller caller, @PathVariable UUID id) {
        return service.get(caller, id);
    }

    @GetMapping("/api/v1/comparisons/{id}/sheets")
    @Operation(summary = "Per-sheet results: regions, text changes, alignment, added and removed sheets, links to "
            + "its images and their tile pyramids, and each sheet's summary (its changes name the regions they refer to)")
    List<JsonNode> sheets(Caller caller, @PathVariable UUID id) {
        service.requireVisible(caller, id);
        List<com.buildtrace.summary.SheetSummary> summarized = summaries.current(id)
                .map(v -> v.summary().sheets()).orElse(List.of());
        return comparisons.sheets(id).stream().map(json -> withImageLinks(id, JsonMapper.shared().readTree(json)))
                .map(sheet -> withSummary(sheet, summarized)).toList();
    }

    /** The sheet's part of the current summary, next to its regions (matched by its pages in both sets). */
    private static JsonNode withSummary(JsonNode sheet, List<com.buildtrace.summary.SheetSummary> summarized) {
        Integer oldPage = sheet.get("oldPage").isNull() ? null : sheet.get("oldPage").asInt();
        Integer newPage = sheet.get("newPage").isNull() ? null : sheet.get("newPage").asInt();
        summarized.stream().filter(s -> java.util.Objects.equals(s.oldPage(), oldPage)
                        && java.util.Objects.equals(s.newPage(), newPage)).findFirst()
                .ifPresent(s -> ((tools.jackson.databind.node.ObjectNode) sheet).set("summary",
                        com.buildtrace.summary.SummaryJson.tree(s)));
        return sheet;
    }

    @GetMapping("/api/v1/comparisons/{id}/sheets/{n}")
    @Operation(summary = "One sheet's result")
    JsonNode sheet(Caller caller, @PathVariable UUID id, @PathVariable int n) {
        return sheets(caller, id).stream().filter(s -> s.get("index").asInt() == n).findFirst()
                .orElseThrow(() -> ApiException.notFound("sheet " + n + " in comparison", id));
    }

    /** The sheet's image kinds as links, and the tile pyramids of its full-size images. */
    private static JsonNode withImageLinks(UUID id, JsonNode sheet) {
        tools.jackson.databind.node.ObjectNode links = JsonMapper.shared().createObjectNode();
        tools.jackson.databind.node.ObjectNode tiles = JsonMapper.shared().createObjectNode();
        sheet.get("images").forEach(kind -> {
            String link = "/api/v1/comparisons/" + id + "/sheets/" + sheet.get("index").asInt() + "/" + kind.asString();
            links.put(kind.asString(), link);
            if (SheetTileController.TILED.containsKey(kind.asString())) {
                tiles.put(kind.asString(), link + "/tiles");
            }
        });
        ((tools.jackson.databind.node.ObjectNode) sheet).set("images", links);
        ((tools.jackson.databind.node.ObjectNode) sheet).set("tiles", tiles);
        return sheet;
    }

    @GetMapping("/api/v1/comparisons/{id}/sheets/{n}/{image}")
    @Operation(summary = "A sheet's image: overlay, old, new, preview or thumbnail (PNG)")
    ResponseEntity<InputStreamResource> image(Caller caller, @PathVariable UUID id, @PathVariable int n,
                                              @PathVariable String image, WebRequest request) throws IOException {
        if (!IMAGES.contains(image)) {
            service.requireVisible(caller, id);
            throw ApiException.notFound("image '" + image + "' (overlay, old, new, preview, thumbnail) of comparison", id);
        }
        // one query finds the image and checks the caller may see it (a viewer loads many); a miss tells which
        StorageKey key = comparisons.artifactUri(caller, id, n, image).flatMap(store::key).orElseThrow(() -> {
            service.requireVisible(caller, id);
            return ApiException.notFound(image + " image of sheet " + n + " in comparison", id);
        });
        return serve(key, MediaType.IMAGE_PNG, request);
    }

    @GetMapping("/api/v1/comparisons/{id}/result.json")
    @Operation(summary = "The set-level result.json (the same file the command line writes)")
    ResponseEntity<InputStreamResource> result(Caller caller, @PathVariable UUID id, WebRequest request)
            throws IOException {
        service.requireVisible(caller, id);
        return serve(StorageLayout.comparison(id).resolve("result.json"), MediaType.APPLICATION_JSON, request);
    }

    @GetMapping("/api/v1/comparisons/{id}/report")
    @Operation(summary = "The HTML report (redirects to report/, where its images resolve)")
    ResponseEntity<Void> report(Caller caller, @PathVariable UUID id) {
        service.requireVisible(caller, id);
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                .location(URI.create("/api/v1/comparisons/" + id + "/report/")).build();
    }

    @GetMapping("/api/v1/comparisons/{id}/report/**")
    @Operation(summary = "The HTML report and the files it links to")
    ResponseEntity<InputStreamResource> reportFile(Caller caller, @PathVariable UUID id, HttpServletRequest http,
                                                   WebRequest request) throws IOException {
        service.requireVisible(caller, id);
        String prefix = "/api/v1/comparisons/" + id + "/report/";
        String rest = http.getRequestURI().substring(http.getContextPath().length());
        rest = rest.length() > prefix.length() ? rest.substring(prefix.length()) : "index.html";
        StorageKey key;
        try {
            key = StorageLayout.comparison(id).resolve(rest);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("file '" + rest + "' in the report of comparison", id);
        }
        if (rest.startsWith("logs/")) {
            throw ApiException.notFound("file '" + rest + "' in the report of comparison", id);
        }
        MediaType type = MediaTypeFactory.getMediaType(key.name()).orElse(MediaType.APPLICATION_OCTET_STREAM);
        return serve(key, type, request);
    }

    @PostMapping("/api/v1/comparisons/{id}/cancel")
    @Operation(summary = "Cancel a queued or running comparison (running sheets finish, the rest do not start)")
    ResponseEntity<ComparisonView> cancel(Caller caller, @PathVariable UUID id) throws InterruptedException {
        return ResponseEntity.accepted().body(service.cancel(caller, id));
    }

    @PostMapping("/api/v1/comparisons/{id}/restart")
    @Operation(summary = "Restart a failed or cancelled comparison (completed sheets are kept), or compare the "
            + "failed sheets of a completed one again")
    ResponseEntity<ComparisonView> restart(Caller caller, @PathVariable UUID id) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/comparisons/" + id))
                .body(service.restart(caller, id));
    }

    /** Streams a stored object, answering 304 when the caller's copy is current. */
    private ResponseEntity<InputStreamResource> serve(StorageKey key, MediaType type, WebRequest request)
            throws IOException {
        StoredObject o = store.stat(key).orElseThrow(() -> ApiException.notFound("file", key.name()));
        String etag = "\"" + Long.toHexString(o.bytes()) + "-" + Long.toHexString(
                o.updated() == null ? 0 : o.updated().toEpochMilli()) + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().contentType(type).contentLength(o.bytes()).eTag(etag)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(new InputStreamResource(store.read(key)));
    }

    private static String baseName(MultipartFile f) {
        String n = RevisionUploads.displayName(f);
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
