/**
 * A comparison's change summary (current version, history, regenerate, edit) and chat about it, over the
 * batch module's {@code SummaryService} and {@code ChatService}.
 */
package com.buildtrace.api.summary;
