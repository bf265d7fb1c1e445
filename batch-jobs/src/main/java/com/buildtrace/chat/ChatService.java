package com.buildtrace.chat;

import com.buildtrace.ai.AiBudget;
import com.buildtrace.ai.AiBudgetExceededException;
import com.buildtrace.ai.AiClient;
import com.buildtrace.ai.AiNotConfiguredException;
import com.buildtrace.ai.AiProperties;
import com.buildtrace.ai.AiRequestException;
import com.buildtrace.ai.OpenAiClients;
import com.buildtrace.ai.TokenEstimate;
import com.buildtrace.ai.TokenUsage;
import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.SetComparator;
import com.buildtrace.comparison.ComparisonNotFoundException;
import com.buildtrace.comparison.ComparisonStore;
import com.buildtrace.summary.ChangeSummary;
import com.buildtrace.summary.SummaryStore;
import com.buildtrace.summary.SummaryVersion;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * Questions about a comparison, answered by the model from that comparison's detected changes and current
 * summary (given as context every turn, within {@code chat-context-tokens}, with the user's latest messages),
 * citing sheets and region ids. Each answered question and its answer are stored in the user's history; a
 * question that got no answer is not. Without a key, {@link #ask} and {@link #askStreaming} throw
 * {@link AiNotConfiguredException}; history and suggested questions work regardless.
 */
@Service
public class ChatService {

    static final String INSTRUCTIONS = """
            You answer questions about the changes between two revisions of a construction drawing set, for a \
            project team. Answer only from the comparison data given (the changes a drawing-comparison engine \
            detected, and their summary); when it does not answer the question, say so instead of guessing. \
            Cite the sheets and change regions you rely on in square brackets: [A-101 r3], [A-101 r3, r4], \
            or [A-101] for a sheet as a whole. Be brief and concrete.""";

    private final ComparisonStore comparisons;

    private final SummaryStore summaries;

    private final ChatStore store;

    private final AiClient ai;

    public ChatService(ComparisonStore comparisons, SummaryStore summaries, ChatStore store, AiClient ai) {
        this.comparisons = comparisons;
        this.summaries = summaries;
        this.store = store;
        this.ai = ai;
    }

    /**
     * Answers a question.
     *
     * @return the stored answer, with its citations and usage
     * @throws AiNotConfiguredException without a key
     * @throws AiBudgetExceededException when the comparison's AI budget does not allow the request
     * @throws AiRequestException when the request failed (after the client's retries)
     * @throws ComparisonNotFoundException when there is no such comparison
     */
    public ChatMessage ask(UUID comparisonId, String userId, String question) {
        return answer(comparisonId, userId, question, null);
    }

    /**
     * Answers a question as it is written: each piece of text goes to {@code onToken} as it arrives (for
     * server-sent events), then the answer is stored and returned as {@link #ask} does.
     */
    public ChatMessage askStreaming(UUID comparisonId, String userId, String question, Consumer<String> onToken) {
        return answer(comparisonId, userId, question, java.util.Objects.requireNonNull(onToken, "onToken"));
    }

    /** The user's messages about the comparison, oldest first. */
    public List<ChatMessage> history(UUID comparisonId, String userId) {
        requireComparison(comparisonId);
        return store.history(comparisonId, userId);
    }

    /** Questions worth asking about this comparison (no AI needed). */
    public List<String> suggestedQuestions(UUID comparisonId) {
        requireComparison(comparisonId);
        return SuggestedQuestions.of(pages(comparisonId), currentSummary(comparisonId));
    }

    private ChatMessage answer(UUID id, String userId, String question, Consumer<String> onToken) {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("the question is empty");
        }
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("a question is asked by a user");
        }
        requireComparison(id);
        if (!ai.configured()) {
            throw new AiNotConfiguredException();
        }
        AiProperties p = ai.properties();
        List<PageComparison> pages = pages(id);
        String context = ChatContext.of(pages, currentSummary(id), p.chatContextTokens());
        List<ChatMessage> history = store.history(id, userId);
        history = history.subList(Math.max(0, history.size() - p.chatHistoryMessages()), history.size());
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder().model(p.model())
                .addSystemMessage(INSTRUCTIONS).addSystemMessage("Comparison data:\n" + context)
                .maxCompletionTokens(p.maxOutputTokens());
        long estimate = TokenEstimate.text(INSTRUCTIONS) + TokenEstimate.text(context) + TokenEstimate.text(question);
        for (ChatMessage m : history) {
            if (m.role() == ChatMessage.Role.USER) {
                params.addUserMessage(m.content());
            } else {
                params.addAssistantMessage(m.content());
            }
            estimate += TokenEstimate.text(m.content()) + 4;
        }
        params.addUserMessage(question.strip());
        AiBudget budget = new AiBudget(summaries.spent(id), p);
        AiBudget.Reservation reservation = budget.reserve(estimate, p.maxOutputTokens())
                .orElseThrow(() -> new AiBudgetExceededException("the comparison's AI budget is spent ("
                        + budget.describe() + "); raise buildtrace.ai.max-tokens-per-comparison or "
                        + "max-cost-per-comparison-usd"));
        Reply reply;
        try {
            reply = onToken == null ? complete(params.build(), p, estimate) : stream(params.build(), p, estimate, onToken);
        } catch (OpenAIException | IllegalStateException e) {
            budget.settle(reservation, TokenUsage.NONE);
            throw new AiRequestException(OpenAiClients.reason(e, p), e);
        }
        Citations cited = Citations.of(reply.text(), pages);
        ChatMessage q = new ChatMessage(null, id, userId, ChatMessage.Role.USER, question.strip(), null, null, null,
                null, null);
        ChatMessage a = new ChatMessage(null, id, userId, ChatMessage.Role.ASSISTANT, reply.text(), cited.sheets(),
                cited.regions(), p.model(), reply.usage(), null);
        return store.saveTurn(q, a).get(1);
    }

    private Reply complete(ChatCompletionCreateParams params, AiProperties p, long estimate) {
        ChatCompletion c = ai.client().chat().completions().create(params);
        String text = c.choices().isEmpty() ? "" : c.choices().get(0).message().content().orElse("");
        return new Reply(text, usage(c.usage(), p, estimate, text));
    }

    private Reply stream(ChatCompletionCreateParams params, AiProperties p, long estimate, Consumer<String> onToken) {
        ChatCompletionCreateParams withUsage = params.toBuilder()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        StringBuilder text = new StringBuilder();
        CompletionUsage[] usage = new CompletionUsage[1];
        try (StreamResponse<ChatCompletionChunk> s = ai.client().chat().completions().createStreaming(withUsage)) {
            s.stream().forEach(chunk -> {
                chunk.usage().ifPresent(u -> usage[0] = u);
                chunk.choices().forEach(choice -> choice.delta().content().filter(t -> !t.isEmpty()).ifPresent(t -> {
                    text.append(t);
                    onToken.accept(t);
                }));
            });
        }
        return new Reply(text.toString(), usage(Optional.ofNullable(usage[0]), p, estimate, text.toString()));
    }

    /** As the API counted, else as estimated (a server that does not report usage). */
    private static TokenUsage usage(Optional<CompletionUsage> u, AiProperties p, long estimate, String answer) {
        return u.map(x -> TokenUsage.of(x.promptTokens(), x.completionTokens(), p))
                .orElseGet(() -> TokenUsage.of(estimate, TokenEstimate.text(answer), p));
    }

    private void requireComparison(UUID id) {
        comparisons.find(id).orElseThrow(() -> new ComparisonNotFoundException(id));
    }

    private List<PageComparison> pages(UUID id) {
        return SetComparator.inSheetOrder(comparisons.results(id));
    }

    private ChangeSummary currentSummary(UUID id) {
        return summaries.current(id).map(SummaryVersion::summary).orElse(null);
    }

    private record Reply(String text, TokenUsage usage) {
    }
}
