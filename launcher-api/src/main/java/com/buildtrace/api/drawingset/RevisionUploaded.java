package com.buildtrace.api.drawingset;

import com.buildtrace.api.system.Caller;
import java.util.UUID;

/**
 * A revision was uploaded (published after it was stored and recorded).
 *
 * @param caller who uploaded it
 * @param projectId its project
 * @param revisionId the new revision
 */
public record RevisionUploaded(Caller caller, UUID projectId, UUID revisionId) {
}
