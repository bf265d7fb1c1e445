package com.buildtrace.summary;

import com.buildtrace.ai.AiBudget;
import com.buildtrace.ai.AiProperties;
import com.buildtrace.ai.OpenAiClients;
import com.buildtrace.ai.TokenEstimate;
import com.buildtrace.ai.TokenUsage;
import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.PageStatus;
import com.openai.client.OpenAIClient;
import com.openai.errors.OpenAIException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The summary written by a language model through the official OpenAI client (chat completions, strict JSON
 * schema output, image input). Each changed sheet is one request, several at once (at most
 * {@code maxConcurrency}), the sheets with most change first; then one request for the set from the sheets'
 * summaries. A sheet gets only its own changes and crops of its overlay around its largest regions, never the
 * whole sheet. Unchanged, added, removed and failed sheets get the deterministic summary (there is nothing to
 * look at). A sheet whose request fails (after the client's retries) or does not fit the budget falls back to
 * its deterministic summary with a note, and the summary is partial; when not one sheet could be summarized,
 * the attempt fails with the reason.
 */
public final class OpenAiChangeSummarizer implements ChangeSummarizer {

    private static final Logger log = LoggerFactory.getLogger(OpenAiChangeSummarizer.class);

    private final OpenAIClient client;

    private final AiProperties properties;

    private final DeterministicChangeSummarizer fallback = new DeterministicChangeSummarizer();

    private final OverlayCrops crops;

    public OpenAiChangeSummarizer(OpenAIClient client, AiProperties properties) {
        this.client = client;
        this.properties = properties;
        this.crops = new OverlayCrops(properties.imagesPerSheet(), properties.imageMaxSide());
    }

    /** What labels a summary this model wrote. */
    static String label(String model) {
        return "Written by AI (" + model + ") from the detected changes and crops of the overlay; check it against "
                + "the drawings.";
    }

    @Override
    public ChangeSummary summarize(SummaryRequest request) {
        List<PageComparison> pages = request.pages();
        List<PageComparison> changed = SheetFacts.ranked(pages).stream()
                .filter(p -> p.status() == PageStatus.CHANGED).toList();
        if (changed.isEmpty()) {
            return fallback.summary(pages, "No sheet changed in its drawing: there was nothing for the AI to read.");
        }
        Map<PageComparison, Outcome> outcomes = summarizeSheets(request, changed);
        TokenUsage usage = outcomes.values().stream().map(Outcome::usage).reduce(TokenUsage.NONE, TokenUsage::plus);
        if (outcomes.values().stream().noneMatch(o -> o.failure() == null)) {
            String reason = outcomes.values().iterator().next().failure();
            throw new SummaryFailedException(reason, usage);
        }
        List<SheetSummary> sheets = new ArrayList<>();
        for (PageComparison p : pages) {
            Outcome o = outcomes.get(p);
            sheets.add(o != null ? o.summary() : fallback.sheet(p, null));
        }
        Outcome set = summarizeSet(request, sheets);
        usage = usage.plus(set.usage());
        boolean partial = set.failure() != null || outcomes.values().stream().anyMatch(o -> o.failure() != null);
        String note = partial ? fallbacks(outcomes, set) : null;
        return new ChangeSummary(SummarySource.AI, label(properties.model()),
                partial ? SummaryStatus.PARTIAL : SummaryStatus.COMPLETED, properties.model(), note, null, usage,
                set.set(), sheets);
    }

    private static String fallbacks(Map<PageComparison, Outcome> outcomes, Outcome set) {
        long failed = outcomes.values().stream().filter(o -> o.failure() != null).count();
        String first = outcomes.values().stream().map(Outcome::failure).filter(java.util.Objects::nonNull).findFirst()
                .orElse(set.failure());
        return (failed > 0 ? failed + " of " + outcomes.size() + " changed sheets" : "The set-level summary")
                + (failed > 0 && set.failure() != null ? " and the set-level summary" : "")
                + " could not be written by the AI and are summarized from the detected changes: " + first;
    }

    private Map<PageComparison, Outcome> summarizeSheets(SummaryRequest request, List<PageComparison> changed) {
        AtomicInteger thread = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(properties.maxConcurrency(), changed.size()),
                r -> {
                    Thread t = new Thread(r, "summary-" + thread.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        try {
            Map<PageComparison, Future<Outcome>> futures = new LinkedHashMap<>();
            for (PageComparison p : changed) {
                futures.put(p, pool.submit(() -> summarizeSheet(request, p)));
            }
            Map<PageComparison, Outcome> out = new LinkedHashMap<>();
            for (Map.Entry<PageComparison, Future<Outcome>> e : futures.entrySet()) {
                out.put(e.getKey(), e.getValue().get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SummaryFailedException("interrupted", TokenUsage.NONE);
        } catch (ExecutionException e) {
            throw new IllegalStateException("summarizing a sheet failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome summarizeSheet(SummaryRequest request, PageComparison p) {
        List<OverlayCrops.Crop> images;
        try {
            images = crops.crops(request.outDir(), p);
        } catch (RuntimeException e) {
            // the images help, the changes themselves are what counts: go on without
            log.warn("sheet {}: no crops of the overlay ({})", p.label(), e.getMessage());
            images = List.of();
        }
        String json = SheetPrompt.sheet(p, images, properties.regionsPerSheet());
        List<ChatCompletionContentPart> parts = new ArrayList<>();
        parts.add(text("Changes detected on sheet " + p.label() + ":\n" + json));
        long estimate = TokenEstimate.text(SheetPrompt.SHEET_INSTRUCTIONS) + TokenEstimate.text(json) + 20;
        for (int i = 0; i < images.size(); i++) {
            OverlayCrops.Crop c = images.get(i);
            parts.add(text("Image " + (i + 1) + ": overlay around " + String.join(", ", c.regionIds())));
            parts.add(ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
                    .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder()
                            .url("data:image/png;base64," + Base64.getEncoder().encodeToString(c.png()))
                            .detail(ChatCompletionContentPartImage.ImageUrl.Detail.HIGH).build())
                    .build()));
            estimate += TokenEstimate.image(c.width(), c.height()) + 15;
        }
        Set<String> known = SheetFacts.regionIds(p);
        return attempt(request.budget(), SheetPrompt.SHEET_INSTRUCTIONS, parts, SummarySchema.SHEET, estimate,
                ModelOutputs.SheetOutput.class, (o, usage) -> new Outcome(new SheetSummary(p.label(),
                        SheetFacts.title(p), p.oldPage(), p.newPage(), p.status().json(), SummarySource.AI, null,
                        o.summary(), o.changes().stream().map(c -> c.keepRegions(known)).toList(), o.criticalChange(),
                        o.recommendations()), null, usage, null),
                (reason, usage) -> failed(p, reason, usage));
    }

    private Outcome failed(PageComparison p, String reason, TokenUsage usage) {
        log.warn("AI summary of sheet {} failed: {}", p.label(), reason);
        return new Outcome(fallback.sheet(p, "AI summary failed: " + reason), null, usage, "sheet " + p.label() + ": "
                + reason);
    }

    private Outcome summarizeSet(SummaryRequest request, List<SheetSummary> sheets) {
        String json = SheetPrompt.set(request.pages(), sheets);
        long estimate = TokenEstimate.text(SheetPrompt.SET_INSTRUCTIONS) + TokenEstimate.text(json) + 20;
        Set<String> known = new LinkedHashSet<>();
        sheets.forEach(s -> known.add(s.sheet()));
        return attempt(request.budget(), SheetPrompt.SET_INSTRUCTIONS,
                List.of(text("Summaries of the sheets:\n" + json)), SummarySchema.SET, estimate,
                ModelOutputs.SetOutput.class, (o, usage) -> {
                    Set<String> seen = new LinkedHashSet<>();
                    List<SheetImpact> ranking = o.sheetsByImpact().stream()
                            .filter(i -> known.contains(i.sheet()) && seen.add(i.sheet())).toList();
                    return new Outcome(null, new SetSummary(SummarySource.AI, null, o.overallSummary(), ranking,
                            o.tradesAffected().stream().distinct().toList(), SheetCounts.of(request.pages())), usage,
                            null);
                }, (reason, usage) -> setFailed(request, reason, usage));
    }

    private Outcome setFailed(SummaryRequest request, String reason, TokenUsage usage) {
        log.warn("AI summary of the set failed: {}", reason);
        return new Outcome(null, fallback.set(request.pages(), "AI summary failed: " + reason), usage,
                "set: " + reason);
    }

    /**
     * One request, its answer read as the schema's type and made an outcome; or, when there is no answer or it
     * does not fit the schema, the fallback outcome with the reason (and the tokens spent).
     */
    private <T> Outcome attempt(AiBudget budget, String instructions, List<ChatCompletionContentPart> parts,
                                String schema, long estimate, Class<T> type, BiFunction<T, TokenUsage, Outcome> read,
                                BiFunction<String, TokenUsage, Outcome> fallBack) {
        Answer a;
        try {
            a = ask(budget, instructions, parts, schema, estimate);
        } catch (SummaryFailedException e) {
            return fallBack.apply(e.getMessage(), e.usage());
        }
        T answer;
        try {
            answer = SummaryJson.readAnswer(a.json(), type);
        } catch (RuntimeException e) {
            return fallBack.apply("the answer does not follow the schema: " + e.getMessage(), a.usage());
        }
        return read.apply(answer, a.usage());
    }

    /** One request: reserved in the budget, sent, its answer's JSON and usage; or why there is none. */
    private Answer ask(AiBudget budget, String instructions, List<ChatCompletionContentPart> parts, String schema,
                       long inputEstimate) {
        Optional<AiBudget.Reservation> reservation = budget.reserve(inputEstimate, properties.maxOutputTokens());
        if (reservation.isEmpty()) {
            throw new SummaryFailedException("over the comparison's AI budget (" + budget.describe() + ")",
                    TokenUsage.NONE);
        }
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(properties.model())
                .addSystemMessage(instructions)
                .addUserMessageOfArrayOfContentParts(parts)
                .responseFormat(SummarySchema.responseFormat(schema))
                .maxCompletionTokens(properties.maxOutputTokens())
                .build();
        ChatCompletion completion;
        try {
            completion = client.chat().completions().create(params);
        } catch (OpenAIException | IllegalStateException e) {
            budget.settle(reservation.get(), TokenUsage.NONE);
            throw new SummaryFailedException(OpenAiClients.reason(e, properties), TokenUsage.NONE);
        }
        TokenUsage usage = completion.usage().map(u -> TokenUsage.of(u.promptTokens(), u.completionTokens(),
                properties)).orElseGet(() -> TokenUsage.of(inputEstimate, properties.maxOutputTokens(), properties));
        budget.settle(reservation.get(), usage);
        if (completion.choices().isEmpty()) {
            throw new SummaryFailedException("the answer has no choices", usage);
        }
        ChatCompletion.Choice choice = completion.choices().get(0);
        ChatCompletionMessage message = choice.message();
        if (message.refusal().isPresent()) {
            throw new SummaryFailedException("the model refused: " + message.refusal().get(), usage);
        }
        if (ChatCompletion.Choice.FinishReason.LENGTH.equals(choice.finishReason())) {
            throw new SummaryFailedException("the answer was cut off at " + properties.maxOutputTokens()
                    + " tokens (buildtrace.ai.max-output-tokens)", usage);
        }
        return new Answer(message.content().orElse(""), usage);
    }

    private static ChatCompletionContentPart text(String s) {
        return ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder().text(s).build());
    }

    private record Answer(String json, TokenUsage usage) {
    }

    /** A sheet's or the set's outcome: the summary (AI or fallback), what it cost, why it fell back. */
    private record Outcome(SheetSummary summary, SetSummary set, TokenUsage usage, String failure) {
    }
}
