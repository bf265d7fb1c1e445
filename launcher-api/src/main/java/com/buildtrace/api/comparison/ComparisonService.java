package com.buildtrace.api.comparison;

import com.buildtrace.api.drawingset.DrawingSetRepository;
import com.buildtrace.api.drawingset.Revision;
import com.buildtrace.api.drawingset.RevisionUploaded;
import com.buildtrace.api.activity.ActivityLog;
import com.buildtrace.api.project.ProjectAccess;
import com.buildtrace.api.project.ProjectRepository;
import com.buildtrace.api.project.ProjectRole;
import com.buildtrace.api.system.ApiException;
import com.buildtrace.api.system.ApiProperties;
import com.buildtrace.api.system.Caller;
import com.buildtrace.compare.CompareOptions;
import com.buildtrace.compare.SheetTask;
import com.buildtrace.comparison.ComparisonStore;
import com.buildtrace.job.ComparisonLauncher;
import com.buildtrace.job.JobRequest;
import com.buildtrace.storage.DrawingStore;
import com.buildtrace.storage.StorageKey;
import com.buildtrace.storage.StorageLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Creates comparisons of two revisions (never two of the same pair), and cancels, restarts and reads them.
 * Also compares every new revision with the previous one for projects that ask for it.
 */
@Service
public class ComparisonService {

    private static final Logger LOG = LoggerFactory.getLogger(ComparisonService.class);

    private final ComparisonRepository comparisons;

    private final DrawingSetRepository revisions;

    private final ProjectRepository projects;

    private final ComparisonRuns runs;

    private final ComparisonStore store;

    private final ComparisonLauncher launcher;

    private final DrawingStore drawings;

    private final ApiProperties properties;

    private final ProjectAccess access;

    private final ActivityLog activity;

    ComparisonService(ComparisonRepository comparisons, DrawingSetRepository revisions, ProjectRepository projects,
                      ComparisonRuns runs, ComparisonStore store, ComparisonLauncher launcher,
                      DrawingStore drawings, ApiProperties properties, ProjectAccess access, ActivityLog activity) {
        this.access = access;
        this.activity = activity;
        this.comparisons = comparisons;
        this.revisions = revisions;
        this.projects = projects;
        this.runs = runs;
        this.store = store;
        this.launcher = launcher;
        this.drawings = drawings;
        this.properties = properties;
    }

    /**
     * A comparison requested.
     *
     * @param comparison its view
     * @param created false when the pair had been compared (or was being compared) already
     */
    public record Created(ComparisonView comparison, boolean created) {
    }

    /**
     * Compares two revisions of a project the caller may see, queuing the job; a pair already compared
     * returns that comparison instead.
     *
     * @param dpi resolution, or null for the configured default
     * @param trigger api, upload or schedule
     */
    public Created create(Caller caller, UUID oldRevision, UUID newRevision, Double dpi, String trigger) {
        if (oldRevision.equals(newRevision)) {
            throw ApiException.invalid("oldRevisionId and newRevisionId are the same revision");
        }
        Revision older = revisions.find(caller, oldRevision)
                .orElseThrow(() -> ApiException.notFound("revision", oldRevision));
        Revision newer = revisions.find(caller, newRevision)
                .orElseThrow(() -> ApiException.notFound("revision", newRevision));
        if (!older.projectId().equals(newer.projectId())) {
            throw ApiException.invalid("the two revisions belong to different projects");
        }
        access.require(caller, newer.projectId(), ProjectRole.EDITOR, "launch a comparison");
        double resolution = dpi == null ? properties.dpi() : dpi;
        if (resolution < 36 || resolution > 600) {
            throw ApiException.invalid("dpi must be between 36 and 600, not " + resolution);
        }
        UUID id = UUID.randomUUID();
        JobRequest request = new JobRequest(id, setUri(oldRevision), setUri(newRevision),
                drawings.uri(StorageLayout.comparison(id)), CompareOptions.defaults().withDpi(resolution));
        boolean created = comparisons.insert(id, newer.projectId(), oldRevision, newRevision, request.oldUri(),
                request.newUri(), request.outUri(), request.optionsJson(), caller, trigger);
        UUID actual = created ? id : comparisons.ofPair(oldRevision, newRevision).orElseThrow();
        if (created) {
            activity.record(caller, newer.projectId(), "comparison_launched", Map.of("comparisonId", id,
                    "oldRevisionId", oldRevision, "newRevisionId", newRevision, "trigger", trigger));
            startAfterCommit(id);
        }
        return new Created(get(caller, actual), created);
    }

    /** Starts the job once the comparison's row is visible to it (after the caller's transaction, if any). */
    private void startAfterCommit(UUID id) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            runs.start(id);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                runs.start(id);
            }
        });
    }

    /** The URI the job reads a revision from: the folder (key prefix) of its files, read in upload order. */
    private String setUri(UUID revision) {
        return drawings.uri(new StorageKey(revisions.storagePrefix(revision)));
    }

    /**
     * Checks that the caller may see the comparison (404 otherwise), without reading its progress: for requests
     * that serve one of its files or records.
     */
    public void requireVisible(Caller caller, UUID id) {
        visible(caller, id);
    }

    private ComparisonView visible(Caller caller, UUID id) {
        return comparisons.find(caller, id).orElseThrow(() -> ApiException.notFound("comparison", id));
    }

    /** A comparison with its per-sheet status (pending sheets included once the sets are paired). */
    public ComparisonView get(Caller caller, UUID id) {
        ComparisonView v = visible(caller, id);
        Map<Integer, ComparisonView.SheetStatus> done = comparisons.sheetStatuses(id).stream()
                .collect(Collectors.toMap(ComparisonView.SheetStatus::index, Function.identity()));
        List<ComparisonView.SheetStatus> sheets = new ArrayList<>();
        if (v.progress().sheetsTotal() > 0) {
            for (SheetTask t : store.plan(id).tasks()) {
                sheets.add(done.getOrDefault(t.index(), new ComparisonView.SheetStatus(t.index(), label(t), "pending",
                        0, 0, null)));
            }
        }
        return new ComparisonView(v.id(), v.projectId(), statusHere(v), v.oldRevision(), v.newRevision(),
                v.trigger(), v.requestedBy(), v.progress(), v.counts(), v.error(), v.createdAt(), v.startedAt(),
                v.finishedAt(), v.durationSeconds(), v.thumbnailUrl(), v.links(), sheets);
    }

    /** As stored, but queued while a restart or retry waits in this process for its turn (as it reads then). */
    ComparisonView waitingHere(ComparisonView v) {
        String status = statusHere(v);
        return status.equals(v.status()) ? v : new ComparisonView(v.id(), v.projectId(), status, v.oldRevision(),
                v.newRevision(), v.trigger(), v.requestedBy(), v.progress(), v.counts(), v.error(), v.createdAt(),
                v.startedAt(), v.finishedAt(), v.durationSeconds(), v.thumbnailUrl(), v.links(), v.sheets());
    }

    /**
     * A restarted or retried comparison keeps its stored status (failed, cancelled, completed) until its job
     * starts; while it waits in this process's queue it is queued.
     */
    private String statusHere(ComparisonView v) {
        boolean ended = !v.status().equals("queued") && !v.status().equals("running");
        return ended && runs.active(v.id()) ? "queued" : v.status();
    }

    private static String label(SheetTask t) {
        if (t.newId() != null && t.newId().number() != null) {
            return t.newId().number();
        }
        if (t.oldId() != null && t.oldId().number() != null) {
            return t.oldId().number();
        }
        return t.newPage() != null ? "page " + (t.newPage() + 1) : "old page " + (t.oldPage() + 1);
    }

    /** Stops a queued or running comparison. */
    public ComparisonView cancel(Caller caller, UUID id) throws InterruptedException {
        ComparisonView v = get(caller, id);
        access.require(caller, v.projectId(), ProjectRole.EDITOR, "cancel a comparison");
        if (!v.status().equals("queued") && !v.status().equals("running")) {
            throw ApiException.conflict("comparison " + id + " is " + v.status() + "; only a queued or running "
                    + "comparison can be cancelled");
        }
        if (!runs.cancel(id)) {
            throw ApiException.conflict("comparison " + id + " is not running in any process; restart it instead");
        }
        activity.record(caller, v.projectId(), "comparison_cancelled", Map.of("comparisonId", id,
                "was", v.status(), "sheetsDone", v.progress().sheetsDone(), "sheetsTotal", v.progress().sheetsTotal()));
        return get(caller, id);
    }

    /**
     * Runs a comparison again: a failed or cancelled one resumes (sheets already compared are kept); a
     * completed one compares its failed sheets again.
     */
    public ComparisonView restart(Caller caller, UUID id) {
        ComparisonView v = get(caller, id);
        access.require(caller, v.projectId(), ProjectRole.EDITOR, "restart a comparison");
        switch (v.status()) {
            case "failed", "cancelled" -> {
                runs.start(id);
                activity.record(caller, v.projectId(), "comparison_restarted", Map.of("comparisonId", id,
                        "was", v.status()));
            }
            case "completed" -> {
                List<Integer> failed = launcher.tasksOf(id, List.of(), true);
                if (failed.isEmpty()) {
                    throw ApiException.conflict("comparison " + id + " completed with no failed sheets; "
                            + "there is nothing to restart");
                }
                runs.retry(id, failed);
                activity.record(caller, v.projectId(), "comparison_restarted", Map.of("comparisonId", id,
                        "was", v.status(), "failedSheets", failed.size()));
            }
            default -> throw ApiException.conflict("comparison " + id + " is " + v.status()
                    + "; it can be restarted once it has failed, been cancelled or completed with failed sheets");
        }
        return get(caller, id);
    }

    /** For projects that compare on upload: the new revision against the previous one of its set. */
    @EventListener
    void onUpload(RevisionUploaded uploaded) {
        boolean wanted = projects.find(uploaded.caller(), uploaded.projectId())
                .map(com.buildtrace.api.project.Project::compareOnUpload).orElse(false);
        if (!wanted) {
            return;
        }
        revisions.previous(uploaded.revisionId()).ifPresent(previous -> {
            Created c = create(uploaded.caller(), previous, uploaded.revisionId(), null, "upload");
            LOG.info("revision {} uploaded: comparison {} {}", uploaded.revisionId(), c.comparison().id(),
                    c.created() ? "launched" : "exists");
        });
    }
}
