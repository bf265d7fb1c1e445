package com.buildtrace.summary;

import com.buildtrace.ai.AiBudget;
import com.buildtrace.ai.AiClient;
import com.buildtrace.ai.AiProperties;
import com.buildtrace.ai.TokenUsage;
import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.SetComparator;
import com.buildtrace.comparison.Comparison;
import com.buildtrace.comparison.ComparisonNotFoundException;
import com.buildtrace.comparison.ComparisonStore;
import com.buildtrace.storage.OutputStaging;
import com.buildtrace.storage.StagedOutput;
import com.buildtrace.report.HtmlReportWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A comparison's summaries: written by the job after the sheets are compared, regenerated and edited on
 * request, kept as a history. With a key the AI writes it; without one, or when the AI attempt fails, the
 * deterministic summary stands (a failed attempt is recorded with its reason and can be retried with
 * {@link #regenerate}); a summary never fails the comparison. Each new current summary is written to
 * {@code summary.json} in the comparison's output folder, and after the comparison finished into its report.
 */
@Service
public class SummaryService {

    private static final Logger log = LoggerFactory.getLogger(SummaryService.class);

    /** The file the current summary is written to, in the comparison's output folder. */
    public static final String FILE = "summary.json";

    private final ComparisonStore comparisons;

    private final SummaryStore store;

    private final AiClient ai;

    private final DeterministicChangeSummarizer deterministic = new DeterministicChangeSummarizer();

    private final OutputStaging outputs;

    public SummaryService(ComparisonStore comparisons, SummaryStore store, AiClient ai, OutputStaging outputs) {
        this.comparisons = comparisons;
        this.store = store;
        this.ai = ai;
        this.outputs = outputs;
    }

    /**
     * Summarizes the comparison as the job does (after its sheets are compared): a new version, written to
     * summary.json; the job writes the report next.
     */
    public SummaryVersion summarize(UUID comparisonId) {
        return write(comparisonId, false);
    }

    /**
     * Writes the summary anew (AI when configured, else deterministic): a new version, which becomes the
     * current one unless it failed; summary.json and the report are rewritten.
     *
     * @return the new version, or the failed attempt's when the AI failed (the deterministic version that
     *     stands instead follows it in the history)
     * @throws ComparisonNotFoundException when there is no such comparison
     */
    public SummaryVersion regenerate(UUID comparisonId) {
        return write(comparisonId, true);
    }

    /**
     * A person's edit of the current summary: a new version of kind edited, which becomes current.
     *
     * @param editedJson a summary document (summary.json, changed): its {@code set} and {@code sheets} are taken
     * @throws InvalidSummaryException when it cannot be taken as it is, or there is no summary yet to edit
     * @throws ComparisonNotFoundException when there is no such comparison
     */
    public SummaryVersion edit(UUID comparisonId, String editedJson, String userId) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("an edit needs the user who made it");
        }
        Comparison c = comparison(comparisonId);
        SummaryVersion base = store.current(comparisonId).orElseThrow(() -> new InvalidSummaryException(
                "comparison " + comparisonId + " has no summary to edit yet"));
        ChangeSummary edited = SummaryEdits.apply(editedJson, base, pages(comparisonId), userId);
        SummaryVersion v = store.add(comparisonId, SummaryStatus.COMPLETED, SummarySource.EDITED, edited,
                edited.model(), TokenUsage.NONE, null, base.version(), userId);
        publish(c, v, true);
        return v;
    }

    /** Every version, newest first. */
    public List<SummaryVersion> history(UUID comparisonId) {
        comparison(comparisonId);
        return store.history(comparisonId);
    }

    /** The current summary, if the comparison has one yet. */
    public Optional<SummaryVersion> current(UUID comparisonId) {
        comparison(comparisonId);
        return store.current(comparisonId);
    }

    private SummaryVersion write(UUID id, boolean finished) {
        Comparison c = comparison(id);
        List<PageComparison> pages = pages(id);
        if (!ai.configured()) {
            return publish(c, add(id, deterministic.summary(pages, null), SummaryVersion.SYSTEM), finished);
        }
        AiProperties p = ai.properties();
        try {
            AiBudget budget = new AiBudget(store.spent(id), p);
            ChangeSummary s = new OpenAiChangeSummarizer(ai.client(), p)
                    .summarize(new SummaryRequest(id, pages, withImages(c, pages), budget));
            return publish(c, add(id, s, SummaryVersion.SYSTEM), finished);
        } catch (SummaryFailedException e) {
            return failed(c, pages, e.getMessage(), e.usage(), finished);
        } catch (RuntimeException e) {
            // whatever went wrong, the comparison keeps a summary
            log.warn("AI summary of comparison {} failed", id, e);
            return failed(c, pages, e.toString(), TokenUsage.NONE, finished);
        }
    }

    private SummaryVersion failed(Comparison c, List<PageComparison> pages, String reason, TokenUsage usage,
                                  boolean finished) {
        log.warn("AI summary of comparison {} failed: {}", c.id(), reason);
        SummaryVersion failed = store.add(c.id(), SummaryStatus.FAILED, SummarySource.AI, null, ai.properties().model(),
                usage, reason, null, SummaryVersion.SYSTEM);
        ChangeSummary standIn = deterministic.summary(pages, "The AI summary failed (" + reason + "); this one is "
                + "computed from the detected changes. Regenerate the summary to try the AI again.");
        publish(c, add(c.id(), standIn, SummaryVersion.SYSTEM), finished);
        return failed;
    }

    private SummaryVersion add(UUID id, ChangeSummary s, String by) {
        String error = s.status() == SummaryStatus.PARTIAL ? s.note() : null;
        return store.add(id, s.status(), s.kind(), s, s.model(), s.usage(), error, null, by);
    }

    /**
     * summary.json, and the report when the comparison has one already; published to the comparison's output
     * (a folder, or a store through a staging folder).
     */
    private SummaryVersion publish(Comparison c, SummaryVersion v, boolean report) {
        StagedOutput out = outputs.open(c.outUri());
        try {
            Files.createDirectories(out.dir());
            Path file = out.dir().resolve(FILE);
            SummaryJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), SummaryJson.document(
                    c.id(), v.version(), v.createdAt(), v.createdBy(), v.summary()));
            List<String> files = new ArrayList<>(List.of(FILE));
            boolean hasReport = out.stored() ? comparisons.artifactUri(c.id(), -1, "report").isPresent()
                    : Files.isRegularFile(out.dir().resolve("index.html"));
            if (report && hasReport) {
                long millis = c.startedAt() == null || c.finishedAt() == null ? 0
                        : Duration.between(c.startedAt(), c.finishedAt()).toMillis();
                // one thread: threads do not matter to a report
                com.buildtrace.compare.SetComparison set = comparisons.setComparison(c.id(), c.compareOptions(1),
                        millis);
                new HtmlReportWriter().write(set, v.summary(), out.dir().resolve("index.html"));
                files.add("index.html");
                // the trade and severity of each change in the triage come from the summary
                com.buildtrace.share.ShareFiles.writeChanges(set, out.dir());
                files.add(com.buildtrace.share.Triage.CHANGES_CSV);
            }
            Map<String, StagedOutput.Published> published = out.publish(files);
            Map<String, ComparisonStore.Artifact> artifacts = new java.util.LinkedHashMap<>();
            artifacts.put("summary", artifact(published.get(FILE)));
            if (published.containsKey("index.html")) {
                artifacts.put("report", artifact(published.get("index.html")));
            }
            if (published.containsKey(com.buildtrace.share.Triage.CHANGES_CSV)) {
                artifacts.put("changes-csv", artifact(published.get(com.buildtrace.share.Triage.CHANGES_CSV)));
            }
            comparisons.saveArtifacts(c.id(), -1, artifacts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary of comparison " + c.id() + " to "
                    + c.outUri(), e);
        }
        return v;
    }

    private static ComparisonStore.Artifact artifact(StagedOutput.Published p) {
        return new ComparisonStore.Artifact(p.uri(), p.bytes());
    }

    /**
     * The output folder with the overlay images of the changed sheets in it, for the crops sent to the model
     * (a stored output's images are copied back from the store).
     */
    private Path withImages(Comparison c, List<PageComparison> pages) {
        StagedOutput out = outputs.open(c.outUri());
        if (out.stored()) {
            for (PageComparison p : pages) {
                if (p.images() == null || p.regions().isEmpty()) {
                    continue;
                }
                try {
                    if (p.images().overlay() == null || out.fetch(p.images().overlay()).isEmpty()) {
                        out.fetch(p.images().preview());
                    }
                } catch (IOException e) {
                    log.warn("overlay of {} in comparison {} not available for the summary: {}", p.label(), c.id(),
                            e.getMessage());
                }
            }
        }
        return out.dir();
    }

    private Comparison comparison(UUID id) {
        return comparisons.find(id).orElseThrow(() -> new ComparisonNotFoundException(id));
    }

    private List<PageComparison> pages(UUID id) {
        return SetComparator.inSheetOrder(comparisons.results(id));
    }
}
