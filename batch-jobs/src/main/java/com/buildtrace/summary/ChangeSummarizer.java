package com.buildtrace.summary;

/**
 * Writes the summary of a comparison from its detected changes: per sheet, then for the set. Implementations
 * say how: {@link DeterministicChangeSummarizer} (from the changes alone, no AI), {@link OpenAiChangeSummarizer}
 * (a language model through the official OpenAI client).
 */
public interface ChangeSummarizer {

    /**
     * The summary.
     *
     * @throws SummaryFailedException when no summary could be written (it carries the tokens already spent)
     */
    ChangeSummary summarize(SummaryRequest request);
}
