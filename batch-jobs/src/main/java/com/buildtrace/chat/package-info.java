/**
 * Chat about a comparison: questions answered by a language model grounded in that comparison's detected
 * changes and summaries (given as context every turn, within a token budget, most severe and largest changes
 * first), answers citing sheet numbers and region ids, each user's history kept in PostgreSQL, and suggested
 * questions derived from the comparison (which need no AI).
 */
package com.buildtrace.chat;
