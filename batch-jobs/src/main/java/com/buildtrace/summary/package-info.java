/**
 * Change summaries of a comparison, per sheet and for the set: the {@code ChangeSummarizer} stage with its two
 * implementations (a language model through the official OpenAI client, or computed from the detected changes
 * and labelled as not AI-written), the records of a summary (schema: summary.schema.json), the summary history
 * with edits, and {@code SummaryService}, which the job and the API call.
 */
package com.buildtrace.summary;
