package com.buildtrace.api.summary;

import com.buildtrace.api.comparison.ComparisonService;
import com.buildtrace.api.project.ProjectAccess;
import com.buildtrace.api.project.ProjectRole;
import com.buildtrace.api.system.ApiException;
import com.buildtrace.api.system.Caller;
import com.buildtrace.summary.SummaryService;
import com.buildtrace.summary.SummaryVersion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/comparisons/{id}/summary}: the current summary (AI-written, or computed from the detected
 * changes and labelled so), its history, regeneration (in the background: an AI summary of a large set takes
 * a while) and a person's edit.
 */
@RestController
@Tag(name = "Summaries")
class SummaryController implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SummaryController.class);

    private final ComparisonService comparisons;

    private final SummaryService summaries;

    private final ProjectAccess access;

    private final com.buildtrace.api.activity.ActivityLog activity;

    private final Set<UUID> regenerating = ConcurrentHashMap.newKeySet();

    private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "buildtrace-summary");
        t.setDaemon(true);
        return t;
    });

    SummaryController(ComparisonService comparisons, SummaryService summaries, ProjectAccess access,
                      com.buildtrace.api.activity.ActivityLog activity) {
        this.comparisons = comparisons;
        this.summaries = summaries;
        this.access = access;
        this.activity = activity;
    }

    @GetMapping("/api/v1/comparisons/{id}/summary")
    @Operation(summary = "The current summary: per sheet and for the set; kind ai, deterministic or edited")
    SummaryVersion current(Caller caller, @PathVariable UUID id) {
        comparisons.requireVisible(caller, id);
        return summaries.current(id).orElseThrow(() -> ApiException.notFound("summary (not written yet) of comparison", id));
    }

    @GetMapping("/api/v1/comparisons/{id}/summary/history")
    @Operation(summary = "Every version of the summary, newest first (failed AI attempts included, with their reason)")
    List<SummaryVersion> history(Caller caller, @PathVariable UUID id) {
        comparisons.requireVisible(caller, id);
        return summaries.history(id);
    }

    @PostMapping("/api/v1/comparisons/{id}/summary:regenerate")
    @Operation(summary = "Write the summary anew (AI when configured, else computed) in the background: 202, "
            + "then a new version in the history")
    ResponseEntity<Map<String, Object>> regenerate(Caller caller, @PathVariable UUID id) {
        var c = comparisons.get(caller, id);
        access.require(caller, c.projectId(), ProjectRole.EDITOR, "regenerate a summary");
        if (!c.status().equals("completed")) {
            throw ApiException.conflict("comparison " + id + " is " + c.status() + "; its summary is written when "
                    + "it completes");
        }
        if (!regenerating.add(id)) {
            throw ApiException.conflict("the summary of comparison " + id + " is being regenerated already");
        }
        activity.record(caller, c.projectId(), "summary_regenerated", Map.of("comparisonId", id));
        int before = summaries.history(id).stream().mapToInt(SummaryVersion::version).max().orElse(0);
        background.submit(() -> {
            try {
                summaries.regenerate(id);
            } catch (RuntimeException e) {
                LOG.error("regenerating the summary of comparison {} failed", id, e);
            } finally {
                regenerating.remove(id);
            }
        });
        return ResponseEntity.accepted().location(URI.create("/api/v1/comparisons/" + id + "/summary/history"))
                .body(Map.of("comparisonId", id, "status", "regenerating", "afterVersion", before));
    }

    @PutMapping(path = "/api/v1/comparisons/{id}/summary", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace the summary with a person's edit (summary.json, changed): a new version of kind "
            + "edited, marked with its author")
    SummaryVersion edit(Caller caller, @PathVariable UUID id, @RequestBody String editedJson) {
        UUID project = comparisons.get(caller, id).projectId();
        access.require(caller, project, ProjectRole.EDITOR, "edit a summary");
        SummaryVersion edited = summaries.edit(id, editedJson, caller.userId());
        activity.record(caller, project, "summary_edited", Map.of("comparisonId", id, "version", edited.version()));
        return edited;
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
