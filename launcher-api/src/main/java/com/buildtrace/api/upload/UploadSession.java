package com.buildtrace.api.upload;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A resumable upload of one revision: what was announced, and how far each file is.
 *
 * @param id its id
 * @param projectId the project
 * @param setId the drawing set the revision will belong to
 * @param setName the set's name
 * @param label the revision's label ("Rev B")
 * @param issuedOn the revision's issue date, if given
 * @param note the revision's note, if any
 * @param chunkBytes the largest chunk a client may send
 * @param state {@code open} (taking chunks), {@code completing} (the revision is being made) or
 *     {@code completed}
 * @param revisionId the revision made, once completed
 * @param bytes the size of all its files
 * @param received the bytes received of all its files
 * @param files its files, in the revision's order
 * @param createdBy who started it (user id)
 * @param createdByName their name, or e-mail address
 * @param createdAt when
 * @param updatedAt when its last chunk arrived
 * @param expiresAt when it expires unless a chunk arrives first
 */
public record UploadSession(UUID id, UUID projectId, UUID setId, String setName, String label, LocalDate issuedOn,
                            String note, int chunkBytes, String state, UUID revisionId, long bytes, long received,
                            List<SessionFile> files, String createdBy, String createdByName,
                            OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime expiresAt) {

    public UploadSession {
        files = List.copyOf(files);
    }

    /** True when every byte of every file has arrived. */
    public boolean allReceived() {
        return files.stream().allMatch(f -> f.received() == f.bytes());
    }

    /**
     * A file of an upload session.
     *
     * @param position its place in the revision, from 0
     * @param name its name
     * @param bytes its size, as announced
     * @param sha256 its SHA-256 as announced, or null
     * @param received how many of its bytes have arrived: the offset its next chunk starts at
     * @param state {@code waiting} (nothing yet), {@code partial} or {@code received}
     */
    public record SessionFile(int position, String name, long bytes, String sha256, long received, String state) {

        /** A file with its state worked out from the bytes received. */
        public SessionFile(int position, String name, long bytes, String sha256, long received) {
            this(position, name, bytes, sha256, received,
                    received == 0 ? "waiting" : received < bytes ? "partial" : "received");
        }
    }
}
