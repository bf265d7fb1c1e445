package com.buildtrace.api.share;

import com.buildtrace.api.comparison.ComparisonService;
import com.buildtrace.api.system.ApiException;
import com.buildtrace.api.system.Caller;
import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.SetComparator;
import com.buildtrace.comparison.ComparisonStore;
import com.buildtrace.share.AnnotatedPdfWriter;
import com.buildtrace.share.ChangeRow;
import com.buildtrace.share.ComparisonPackage;
import com.buildtrace.share.Csv;
import com.buildtrace.share.SheetRow;
import com.buildtrace.share.SummaryNotes;
import com.buildtrace.share.Triage;
import com.buildtrace.storage.DrawingStore;
import com.buildtrace.storage.StorageKey;
import com.buildtrace.storage.StorageLayout;
import com.buildtrace.storage.StoredObject;
import com.buildtrace.summary.SummaryJson;
import com.buildtrace.summary.SummaryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /api/v1/comparisons/{id}/package}, {@code /annotated.pdf}, {@code /changes}, {@code /changes.csv},
 * {@code /triage/sheets}, {@code /sheets.csv}.
 */
@RestController
@Tag(name = "Sharing")
class ShareController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final ComparisonService comparisons;

    private final ComparisonStore store;

    private final SummaryService summaries;

    private final DrawingStore drawings;

    ShareController(ComparisonService comparisons, ComparisonStore store, SummaryService summaries,
                    DrawingStore drawings) {
        this.comparisons = comparisons;
        this.store = store;
        this.summaries = summaries;
        this.drawings = drawings;
    }

    @GetMapping("/api/v1/comparisons/{id}/package")
    @Operation(summary = "The download package, streamed: result.json, summary.json, report.html with its images, "
            + "annotated.pdf, changes.csv, sheets.csv")
    ResponseEntity<StreamingResponseBody> downloadPackage(Caller caller, @PathVariable UUID id) throws IOException {
        completed(caller, id);
        ComparisonPackage.Source source = source(id);
        // fails here, as a problem detail, when there is nothing to package; the ZIP itself is streamed
        ComparisonPackage.entries(source);
        StreamingResponseBody body = out -> ComparisonPackage.write(source, out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("buildtrace-" + id + ".zip").build().toString())
                .body(body);
    }

    @GetMapping("/api/v1/comparisons/{id}/annotated.pdf")
    @Operation(summary = "The new set with every change as a revision-cloud markup, and a first page with the set "
            + "summary and a sheet index")
    ResponseEntity<InputStreamResource> annotatedPdf(Caller caller, @PathVariable UUID id) throws IOException {
        completed(caller, id);
        StorageKey key = StorageLayout.comparison(id).resolve(AnnotatedPdfWriter.FILE);
        StoredObject o = drawings.stat(key).orElseThrow(() -> ApiException.notFound("annotated PDF of comparison", id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).contentLength(o.bytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("buildtrace-" + id + "-annotated.pdf").build().toString())
                .body(new InputStreamResource(drawings.read(key)));
    }

    @GetMapping("/api/v1/comparisons/{id}/changes")
    @Operation(summary = "One row per change: sheet, kind, region box, text old -> new, trade and severity when "
            + "summarised, cloud verdict")
    List<ChangeRow> changes(Caller caller, @PathVariable UUID id) {
        completed(caller, id);
        return Triage.changes(pages(id), notes(id));
    }

    @GetMapping(path = "/api/v1/comparisons/{id}/changes.csv", produces = "text/csv")
    @Operation(summary = "The changes as CSV (RFC 4180, UTF-8)")
    ResponseEntity<StreamingResponseBody> changesCsv(Caller caller, @PathVariable UUID id) {
        List<ChangeRow> rows = changes(caller, id);
        return csv(id, "changes", out -> Csv.write(out, ChangeRow.HEADER, rows));
    }

    @GetMapping("/api/v1/comparisons/{id}/triage/sheets")
    @Operation(summary = "One row per sheet, ranked by amount of change: status, changed area, regions, text "
            + "changes, unclouded changes, empty clouds")
    List<SheetRow> sheets(Caller caller, @PathVariable UUID id) {
        completed(caller, id);
        return Triage.sheets(pages(id));
    }

    @GetMapping(path = "/api/v1/comparisons/{id}/sheets.csv", produces = "text/csv")
    @Operation(summary = "The sheets as CSV (RFC 4180, UTF-8), ranked by amount of change")
    ResponseEntity<StreamingResponseBody> sheetsCsv(Caller caller, @PathVariable UUID id) {
        List<SheetRow> rows = sheets(caller, id);
        return csv(id, "sheets", out -> Csv.write(out, SheetRow.HEADER, rows));
    }

    private static ResponseEntity<StreamingResponseBody> csv(UUID id, String name, StreamingResponseBody body) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("buildtrace-" + id + "-" + name + ".csv").build().toString())
                .body(body);
    }

    private void completed(Caller caller, UUID id) {
        String status = comparisons.get(caller, id).status();
        if (!status.equals("completed")) {
            throw ApiException.conflict("comparison " + id + " is " + status + "; its results are shared once it "
                    + "completes");
        }
    }

    private List<PageComparison> pages(UUID id) {
        return SetComparator.inSheetOrder(store.results(id));
    }

    private SummaryNotes notes(UUID id) {
        return summaries.current(id).map(v -> SummaryNotes.of(SummaryJson.tree(v.summary())))
                .orElse(SummaryNotes.none());
    }

    /** The comparison's files in the drawing store, listed once. */
    private ComparisonPackage.Source source(UUID id) throws IOException {
        StorageKey prefix = StorageLayout.comparison(id);
        Map<String, StoredObject> objects = new HashMap<>();
        for (StoredObject o : drawings.list(prefix)) {
            objects.put(o.key().relativeTo(prefix), o);
        }
        return new ComparisonPackage.Source() {
            @Override
            public Optional<FileTime> modified(String name) {
                StoredObject o = objects.get(name);
                return o == null ? Optional.empty()
                        : Optional.of(FileTime.from(o.updated() == null ? java.time.Instant.EPOCH : o.updated()));
            }

            @Override
            public InputStream open(String name) throws IOException {
                return drawings.read(objects.get(name).key());
            }
        };
    }
}
