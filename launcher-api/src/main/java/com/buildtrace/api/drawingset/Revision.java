package com.buildtrace.api.drawingset;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One issue of a drawing set.
 *
 * @param id its id
 * @param projectId its project
 * @param setId its drawing set
 * @param setName the set's name
 * @param seq its number within the set (1 for the first upload)
 * @param label what the team calls it ("Rev B")
 * @param issuedOn the issue date on the drawings, if given
 * @param note a free note
 * @param pages sheets in all its files (null if a file could not be counted)
 * @param bytes size of all its files
 * @param sha256 digest over its files' digests, in order
 * @param files its files, in upload order
 * @param createdBy who uploaded it
 * @param createdAt when
 */
public record Revision(UUID id, UUID projectId, UUID setId, String setName, int seq, String label,
                       LocalDate issuedOn, String note, Integer pages, long bytes, String sha256,
                       List<RevisionFile> files, String createdBy, OffsetDateTime createdAt) {

    public Revision {
        files = List.copyOf(files);
    }

    /**
     * A file of a revision.
     *
     * @param position its place in the upload, from 0
     * @param name its name as uploaded
     * @param mediaType its type, from its content
     * @param bytes its size
     * @param sha256 its digest
     * @param pages its sheets (null if it could not be counted)
     * @param sameAs another revision of the same set that holds this very file, or null
     */
    public record RevisionFile(int position, String name, String mediaType, long bytes, String sha256,
                               Integer pages, UUID sameAs) {
    }
}
