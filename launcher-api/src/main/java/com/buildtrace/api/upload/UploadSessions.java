package com.buildtrace.api.upload;

import com.buildtrace.api.drawingset.DeclaredFile;
import com.buildtrace.api.drawingset.DrawingSet;
import com.buildtrace.api.drawingset.DrawingSetRepository;
import com.buildtrace.api.drawingset.FileMismatchException;
import com.buildtrace.api.drawingset.IncomingFile;
import com.buildtrace.api.drawingset.Revision;
import com.buildtrace.api.drawingset.RevisionUploads;
import com.buildtrace.api.project.ProjectAccess;
import com.buildtrace.api.project.ProjectRole;
import com.buildtrace.api.system.ApiException;
import com.buildtrace.api.system.Caller;
import com.buildtrace.storage.DrawingStore;
import com.buildtrace.storage.StorageKey;
import com.buildtrace.storage.StorageLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resumable uploads of revisions. A session is created with the files announced and checked as a one-request
 * upload would be (rights, limits, an identical earlier revision); each file then arrives in chunks that must
 * continue it exactly where it stands; completing the session hands the files, read back from their chunks, to
 * {@link RevisionUploads}, the same path as a one-request upload (content checks, duplicates, compare on upload).
 * <p>
 * Where the bytes wait: each chunk is an object of the {@link DrawingStore} under {@code uploads/{session}/}
 * (written by whichever API instance took the request, streamed, never held in memory), and the database knows
 * which chunks make each file. So any instance serves any chunk of any session with a Cloud Storage bucket as
 * with a local folder, and nothing depends on a disk of one instance. A chunk is written under a key of its own
 * attempt and counts only once its row is committed with the file's new offset (a conditional update): two
 * attempts at the same bytes never overwrite each other, and a chunk whose request died is an orphan object
 * under the session's prefix, deleted with the session.
 */
@Service
@EnableConfigurationProperties(UploadProperties.class)
public class UploadSessions {

    private static final Logger LOG = LoggerFactory.getLogger(UploadSessions.class);

    private final UploadSessionRepository repository;

    private final RevisionUploads uploads;

    private final DrawingSetRepository revisions;

    private final ProjectAccess access;

    private final DrawingStore store;

    private final UploadProperties properties;

    private final TransactionTemplate tx;

    UploadSessions(UploadSessionRepository repository, RevisionUploads uploads, DrawingSetRepository revisions,
                   ProjectAccess access, DrawingStore store, UploadProperties properties,
                   @Qualifier("transactionManager") PlatformTransactionManager tx) {
        this.repository = repository;
        this.uploads = uploads;
        this.revisions = revisions;
        this.access = access;
        this.store = store;
        this.properties = properties;
        this.tx = new TransactionTemplate(tx);
    }

    /**
     * A revision to upload: its label, date and note, and its files in sheet order.
     *
     * @param label what the team calls it ("Rev B")
     * @param issuedOn the issue date, if known
     * @param note a free note, if any
     * @param files the files as announced
     */
    public record NewUpload(String label, LocalDate issuedOn, String note, List<AnnouncedFile> files) {
    }

    /**
     * A file announced for an upload.
     *
     * @param name its name (folders are dropped)
     * @param bytes its size
     * @param sha256 its SHA-256 in hex, or null
     */
    public record AnnouncedFile(String name, long bytes, String sha256) implements DeclaredFile {

        @Override
        public long size() {
            return bytes;
        }
    }

    /**
     * Starts a session.
     *
     * @throws ApiException as a one-request upload would before reading any byte: 404, 403, 400 (no or empty
     *     files, too many), 413 (too large), 409 (every SHA-256 given and they are an earlier revision)
     */
    public UploadSession create(Caller caller, UUID project, UUID set, NewUpload upload) {
        List<AnnouncedFile> files = upload.files() == null ? List.of() : upload.files().stream()
                .map(f -> new AnnouncedFile(RevisionUploads.displayName(f.name()), f.bytes(),
                        f.sha256() == null ? null : f.sha256().toLowerCase(Locale.ROOT)))
                .toList();
        DrawingSet drawingSet = uploads.admit(caller, project, set, files);
        UUID id = UUID.randomUUID();
        tx.executeWithoutResult(status -> repository.create(id, caller, project, drawingSet.id(), upload.label(),
                upload.issuedOn(), upload.note(), (int) properties.chunkSize().toBytes(), files,
                properties.idleExpiry()));
        return repository.find(caller, id).orElseThrow();
    }

    /** The session, if the caller may see its project (404 otherwise, and once it has expired). */
    public UploadSession get(Caller caller, UUID id) {
        return repository.find(caller, id).orElseThrow(() -> ApiException.notFound("upload session", id));
    }

    /** The open sessions of a project, oldest first. */
    public List<UploadSession> open(Caller caller, UUID project) {
        access.require(caller, project);
        return repository.open(caller, project);
    }

    /**
     * Takes one chunk of a file: the bytes {@code range} says, from {@code body}. A chunk taken before (same
     * first byte, same length) is taken again without effect, so a client may repeat a request whose answer it
     * lost.
     *
     * @param contentLength the request's {@code Content-Length}, or -1 when it has none
     * @return the file as it is now
     * @throws ApiException 409 ({@link OffsetMismatchException}) for a chunk that does not start at the file's
     *     offset, 416 for one past the file's end or of a file of another size, 413 for one larger than the
     *     session's chunk size, 400 for a missing or malformed {@code Content-Range} or a body of another length,
     *     409 once the session is completing or completed
     */
    public UploadSession.SessionFile receive(Caller caller, UUID id, int position, String range, long contentLength,
                                             InputStream body) {
        UploadSession session = writable(caller, id, "upload files");
        requireOpen(session);
        UploadSession.SessionFile file = announced(session, position);
        ContentRange r = ContentRange.parse(range);
        if (r.size() != file.bytes()) {
            throw OffsetMismatchException.outside("file " + position + " ('" + file.name() + "') was announced with "
                    + file.bytes() + " bytes; Content-Range says " + r.size(), file.received());
        }
        if (r.length() > session.chunkBytes()) {
            throw ApiException.tooLarge("a chunk may carry at most " + session.chunkBytes() + " bytes (the session's "
                    + "chunkBytes); this one carries " + r.length());
        }
        if (contentLength >= 0 && contentLength != r.length()) {
            throw ApiException.invalid("Content-Length " + contentLength + " does not match Content-Range bytes "
                    + r.first() + "-" + r.last() + " (" + r.length() + " bytes)");
        }
        if (r.first() != file.received()) {
            return repeated(session, file, r);
        }
        StorageKey key = StorageLayout.uploadChunk(id, position, r.first(), UUID.randomUUID());
        write(key, body, r);
        boolean taken;
        try {
            taken = Boolean.TRUE.equals(tx.execute(status -> repository.append(id, position, r.first(), r.length(),
                    key.path(), properties.idleExpiry())));
        } catch (RuntimeException e) {
            deleteQuietly(key);
            throw e;
        }
        if (!taken) {
            // another request moved the offset (or closed the session) meanwhile: this copy is not needed
            deleteQuietly(key);
            return repeated(session, current(session, position), r);
        }
        return current(session, position);
    }

    /** A chunk that does not start at the offset: the same chunk again, or a mistake. */
    private UploadSession.SessionFile repeated(UploadSession session, UploadSession.SessionFile file, ContentRange r) {
        if (r.first() < file.received() && repository.hasChunk(session.id(), file.position(), r.first(), r.length())) {
            return file;
        }
        throw OffsetMismatchException.conflict("file " + file.position() + " ('" + file.name() + "') has "
                + file.received() + " of " + file.bytes() + " bytes; the next chunk must start at byte "
                + file.received() + ", this one starts at " + r.first(), file.received());
    }

    /** Streams a chunk's body into the store; the body must hold exactly the range's bytes. */
    private void write(StorageKey key, InputStream body, ContentRange r) {
        ExactLengthInputStream in = new ExactLengthInputStream(body, r.length());
        try {
            store.write(key, in);
            in.requireEnd();
        } catch (ExactLengthInputStream.WrongLengthException e) {
            deleteQuietly(key);
            throw ApiException.invalid("the chunk's body " + e.getMessage() + ", but Content-Range bytes " + r.first()
                    + "-" + r.last() + " says " + r.length() + "; send the chunk again");
        } catch (IOException e) {
            deleteQuietly(key);
            throw new UncheckedIOException("could not store a chunk at " + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes the revision of a session whose files have all arrived, through the same path as a one-request
     * upload; the chunks are deleted once it is recorded. Completing a completed session answers its revision
     * again.
     *
     * @return the revision, and whether this call made it
     * @throws ApiException 409 while files are missing bytes or another request completes it; those of
     *     {@link RevisionUploads#upload}: 415, 422 (a file whose SHA-256 is not the one announced is taken back to
     *     its first byte, to be sent again), 409 for an identical earlier revision
     */
    public Completed complete(Caller caller, UUID id) {
        UploadSession before = writable(caller, id, "complete an upload");
        if (before.state().equals("completed")) {
            return new Completed(completedRevision(caller, before), false);
        }
        if (!repository.claim(id, properties.idleExpiry())) {
            return completedMeanwhile(caller, id);
        }
        try {
            UploadSession session = get(caller, id);
            List<String> missing = session.files().stream().filter(f -> f.received() < f.bytes())
                    .map(f -> "'" + f.name() + "' (" + f.received() + " of " + f.bytes() + " bytes)").toList();
            if (!missing.isEmpty()) {
                throw ApiException.conflict("upload " + id + " is missing bytes of " + String.join(", ", missing)
                        + "; send them, then complete it");
            }
            List<SessionFileBytes> files = session.files().stream()
                    .map(f -> new SessionFileBytes(f, repository.chunkKeys(id, f.position()))).toList();
            Revision revision = uploads.upload(caller, session.projectId(), session.setId(),
                    new RevisionUploads.Upload(session.label(), session.issuedOn(), session.note(), files, false),
                    made -> repository.completed(id, made.id(), properties.idleExpiry()));
            deleteChunks(id);
            LOG.info("upload {} completed as revision {} ({} files, {} bytes)", id, revision.id(), files.size(),
                    session.bytes());
            return new Completed(revision, true);
        } catch (FileMismatchException e) {
            tx.executeWithoutResult(status -> repository.reset(id, e.position()).forEach(k -> deleteQuietly(
                    new StorageKey(k))));
            repository.release(id);
            throw e;
        } catch (RuntimeException e) {
            repository.release(id);
            throw e;
        }
    }

    /**
     * What a completion made.
     *
     * @param revision the revision
     * @param created true when this call made it, false when an earlier one had
     */
    public record Completed(Revision revision, boolean created) {
    }

    private Completed completedMeanwhile(Caller caller, UUID id) {
        UploadSession now = get(caller, id);
        if (now.state().equals("completed")) {
            return new Completed(completedRevision(caller, now), false);
        }
        throw ApiException.conflict("upload " + id + " is being completed by another request; ask for it again "
                + "in a moment (GET /api/v1/uploads/" + id + ")");
    }

    private Revision completedRevision(Caller caller, UploadSession session) {
        return Optional.ofNullable(session.revisionId()).flatMap(r -> revisions.find(caller, r))
                .orElseThrow(() -> ApiException.notFound("revision of upload", session.id()));
    }

    /**
     * Abandons a session: deletes it and the bytes it received.
     *
     * @throws ApiException 409 while it is being completed
     */
    public void cancel(Caller caller, UUID id) {
        writable(caller, id, "cancel an upload");
        if (!repository.delete(id)) {
            throw ApiException.conflict("upload " + id + " is being completed; it can no longer be cancelled");
        }
        deleteChunks(id);
    }

    /**
     * Deletes expired sessions and their bytes, a batch at a time; several instances share the work.
     *
     * @return how many were deleted
     */
    public int expire() {
        int deleted = 0;
        while (true) {
            Integer batch = tx.execute(status -> {
                List<UUID> expired = repository.lockExpired(50);
                for (UUID id : expired) {
                    deleteChunks(id);
                    repository.deleteExpired(id);
                }
                return expired.size();
            });
            deleted += batch == null ? 0 : batch;
            if (batch == null || batch < 50) {
                return deleted;
            }
        }
    }

    private UploadSession writable(Caller caller, UUID id, String action) {
        UploadSession session = get(caller, id);
        access.require(caller, session.projectId(), ProjectRole.EDITOR, action);
        return session;
    }

    private static void requireOpen(UploadSession session) {
        if (!session.state().equals("open")) {
            throw ApiException.conflict("upload " + session.id() + " is " + session.state()
                    + "; it takes no more chunks");
        }
    }

    private static UploadSession.SessionFile announced(UploadSession session, int position) {
        return session.files().stream().filter(f -> f.position() == position).findFirst()
                .orElseThrow(() -> ApiException.notFound("file " + position + " in upload", session.id()));
    }

    private UploadSession.SessionFile current(UploadSession session, int position) {
        return repository.file(session.id(), position).orElseThrow(() -> ApiException.notFound("upload", session.id()));
    }

    private void deleteChunks(UUID session) {
        try {
            store.deleteAll(StorageLayout.upload(session));
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not delete the chunks of upload {} (they stay as orphans under {}): {}", session,
                    StorageLayout.upload(session), e.getMessage());
        }
    }

    private void deleteQuietly(StorageKey key) {
        try {
            store.delete(key);
        } catch (IOException | RuntimeException e) {
            // an orphan under the session's prefix: deleted with the session
        }
    }

    /** A file of a session as {@link RevisionUploads} reads it: its chunks one after the other. */
    private final class SessionFileBytes implements IncomingFile {

        private final UploadSession.SessionFile file;

        private final List<String> chunks;

        SessionFileBytes(UploadSession.SessionFile file, List<String> chunks) {
            this.file = file;
            this.chunks = chunks;
        }

        @Override
        public String name() {
            return file.name();
        }

        @Override
        public long size() {
            return file.bytes();
        }

        @Override
        public String sha256() {
            return file.sha256();
        }

        /** Opens each chunk only when the previous one is read. */
        @Override
        public InputStream open() {
            Iterator<String> keys = chunks.iterator();
            return new SequenceInputStream(new java.util.Enumeration<>() {
                @Override
                public boolean hasMoreElements() {
                    return keys.hasNext();
                }

                @Override
                public InputStream nextElement() {
                    try {
                        return store.read(new StorageKey(keys.next()));
                    } catch (IOException e) {
                        throw new UncheckedIOException("a chunk of '" + file.name() + "' cannot be read: "
                                + e.getMessage(), e);
                    }
                }
            });
        }
    }
}
