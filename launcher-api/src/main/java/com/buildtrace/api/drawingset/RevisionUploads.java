package com.buildtrace.api.drawingset;

import com.buildtrace.api.project.ProjectAccess;
import com.buildtrace.api.project.ProjectRole;
import com.buildtrace.api.system.ApiException;
import com.buildtrace.api.system.ApiProperties;
import com.buildtrace.api.system.Caller;
import com.buildtrace.storage.DrawingStore;
import com.buildtrace.storage.StorageKey;
import com.buildtrace.storage.StorageLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Takes an upload of one or several files as a new revision of a drawing set: checks each file's content
 * (PDF, PNG, JPEG or TIFF, whatever its name says), counts its sheets, computes its SHA-256, refuses an
 * upload identical to an earlier revision of the set, stores the files under keys made from ids, and records
 * the revision. The same path for a multipart request and for a completed upload session ({@link IncomingFile}).
 */
@Service
public class RevisionUploads {

    private final DrawingSetRepository repository;

    private final ProjectAccess access;

    private final DrawingStore store;

    private final ApiProperties properties;

    private final TransactionTemplate tx;

    private final ApplicationEventPublisher events;

    RevisionUploads(DrawingSetRepository repository, ProjectAccess access, DrawingStore store, ApiProperties properties,
                    @Qualifier("transactionManager") PlatformTransactionManager tx, ApplicationEventPublisher events) {
        this.repository = repository;
        this.access = access;
        this.store = store;
        this.properties = properties;
        this.tx = new TransactionTemplate(tx);
        this.events = events;
    }

    /**
     * What was uploaded: the revision's label and date and its files.
     *
     * @param label what the team calls it ("Rev B")
     * @param issuedOn the issue date, if known
     * @param note a free note, if any
     * @param files the files, in the order their sheets come
     * @param reuseIdentical an upload identical to an earlier revision of the set returns that revision
     *     (instead of a conflict)
     */
    public record Upload(String label, LocalDate issuedOn, String note, List<? extends IncomingFile> files,
                         boolean reuseIdentical) {
    }

    /** A checked file, copied to a temporary file while its digest was taken. */
    private record Received(int position, String name, FileType type, Path temp, long bytes, String sha256,
                            Integer pages) {
    }

    /**
     * Stores and records a new revision.
     *
     * @throws ApiException 400 for no file or an empty one, 413 above the size limit, 415 for a file that is
     *     not a drawing, 422 for a PDF that cannot be opened or a file that is not what was announced
     *     ({@link FileMismatchException}), 409 for an upload identical to an earlier revision of the set (its id
     *     in the problem's {@code revisionId}), 404 for a set the caller may not see, 403 for a viewer of the
     *     project
     */
    public Revision upload(Caller caller, UUID project, UUID set, Upload upload) {
        return upload(caller, project, set, upload, revision -> {
        });
    }

    /**
     * As {@link #upload(Caller, UUID, UUID, Upload)}, running {@code recorded} with the new revision in the
     * transaction that records it (so that what it writes is committed with the revision, or not at all).
     */
    public Revision upload(Caller caller, UUID project, UUID set, Upload upload, Consumer<Revision> recorded) {
        DrawingSet drawingSet = writableSet(caller, project, set);
        check(upload.files(), "no files: send the revision's PDFs or images as multipart parts named 'files'");
        List<Received> received = new ArrayList<>();
        try {
            for (IncomingFile f : upload.files()) {
                received.add(receive(received.size(), f));
            }
            Stored stored = store(caller, drawingSet, upload, received, recorded);
            if (stored.created()) {
                events.publishEvent(new RevisionUploaded(caller, project, stored.revision().id()));
            }
            return stored.revision();
        } finally {
            received.forEach(r -> r.temp().toFile().delete());
        }
    }

    /**
     * Checks an upload whose bytes are still to come (an upload session announcing its files): the caller may
     * upload to the set, the files are within the limits, and, when every file's SHA-256 is announced, they are
     * not an earlier revision of the set.
     *
     * @return the drawing set
     * @throws ApiException as {@link #upload(Caller, UUID, UUID, Upload)} before any byte is read
     */
    public DrawingSet admit(Caller caller, UUID project, UUID set, List<? extends DeclaredFile> files) {
        DrawingSet drawingSet = writableSet(caller, project, set);
        check(files, "no files: list the revision's files");
        if (files.stream().allMatch(f -> f.sha256() != null)) {
            repository.sameUpload(caller, set, digestOf(files.stream().map(DeclaredFile::sha256).toList()))
                    .ifPresent(same -> {
                        throw duplicate(same, drawingSet);
                    });
        }
        return drawingSet;
    }

    private DrawingSet writableSet(Caller caller, UUID project, UUID set) {
        access.require(caller, project, ProjectRole.EDITOR, "upload a revision");
        return repository.findSet(caller, project, set).orElseThrow(() -> ApiException.notFound("drawing set", set));
    }

    /**
     * One file uploaded to compare it directly: a revision of the project's drawing set of that name (created
     * when missing); a file identical to an earlier revision of the set is that revision.
     */
    public Revision uploadForComparison(Caller caller, UUID project, String setName, MultipartFile file, String label) {
        access.require(caller, project, ProjectRole.EDITOR, "upload files to compare");
        DrawingSet set = repository.findSetByName(project, setName).orElseGet(() -> {
            try {
                return repository.createSet(caller, project, setName);
            } catch (org.springframework.dao.DuplicateKeyException e) {
                return repository.findSetByName(project, setName).orElseThrow();
            }
        });
        return upload(caller, project, set.id(), new Upload(label, null, null,
                file == null ? List.of() : List.of(IncomingFile.of(file)), true));
    }

    private void check(List<? extends DeclaredFile> files, String none) {
        if (files == null || files.isEmpty()) {
            throw ApiException.invalid(none);
        }
        if (files.size() > properties.maxFiles()) {
            throw ApiException.invalid("too many files: " + files.size() + " (at most "
                    + properties.maxFiles() + " per revision, buildtrace.api.max-files)");
        }
        long total = files.stream().mapToLong(DeclaredFile::size).sum();
        if (total > properties.maxSetSize().toBytes()) {
            throw ApiException.tooLarge("the files add up to " + total / (1024 * 1024) + " MB; the limit is "
                    + properties.maxSetSize().toMegabytes() + " MB per revision (buildtrace.api.max-set-size)");
        }
        for (DeclaredFile f : files) {
            if (f.size() <= 0) {
                throw ApiException.invalid("file '" + f.name() + "' is empty");
            }
        }
    }

    /** Copies a file to a temporary one, taking its digest; the file must be what was announced. */
    private Received receive(int position, IncomingFile file) {
        String name = file.name();
        Path temp = null;
        try {
            temp = Files.createTempFile("buildtrace-upload-", ".part");
            MessageDigest sha = sha256();
            byte[] head = new byte[FileType.SNIFF_BYTES];
            int headLength;
            try (InputStream in = new DigestInputStream(file.open(), sha);
                 OutputStream out = Files.newOutputStream(temp)) {
                headLength = in.readNBytes(head, 0, head.length);
                out.write(head, 0, headLength);
                in.transferTo(out);
            }
            long bytes = Files.size(temp);
            String digest = HexFormat.of().formatHex(sha.digest());
            if (bytes != file.size()) {
                throw new FileMismatchException(position, "file '" + name + "' has " + bytes + " bytes; "
                        + file.size() + " were announced");
            }
            if (file.sha256() != null && !file.sha256().equalsIgnoreCase(digest)) {
                throw new FileMismatchException(position, "file '" + name + "' does not have the SHA-256 announced "
                        + "for it (" + file.sha256().toLowerCase(java.util.Locale.ROOT) + "); its bytes have " + digest);
            }
            FileType type = FileType.sniff(head, headLength).orElseThrow(() -> ApiException.unsupportedFile(
                    "file '" + name + "' is " + FileType.describe(head, headLength)
                            + ", not a drawing: upload PDF, PNG, JPEG or TIFF files"));
            Received received = new Received(position, name, type, temp, bytes, digest, pages(name, type, temp));
            temp = null;
            return received;
        } catch (IOException e) {
            throw new UncheckedIOException("could not receive file '" + name + "': " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                temp.toFile().delete();
            }
        }
    }

    /** Sheets in a file; a PDF that does not open is refused here, where the uploader can still act on it. */
    private static Integer pages(String name, FileType type, Path file) {
        if (type == FileType.PDF) {
            try (PDDocument doc = Loader.loadPDF(file.toFile())) {
                return doc.getNumberOfPages();
            } catch (InvalidPasswordException e) {
                throw ApiException.unreadable("file '" + name + "' is password-protected; upload it without a password");
            } catch (IOException e) {
                throw ApiException.unreadable("file '" + name + "' is not a readable PDF: " + e.getMessage());
            }
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            java.util.Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return type == FileType.TIFF ? reader.getNumImages(true) : 1;
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw ApiException.unreadable("file '" + name + "' is not a readable " + type.name() + " image: " + e.getMessage());
        }
    }

    /** A revision recorded now ({@code created}), or an identical earlier one. */
    private record Stored(Revision revision, boolean created) {
    }

    private Stored store(Caller caller, DrawingSet set, Upload upload, List<Received> files,
                         Consumer<Revision> inTransaction) {
        String digest = digestOf(files.stream().map(Received::sha256).toList());
        UUID id = UUID.randomUUID();
        List<StorageKey> written = new ArrayList<>();
        try {
            return tx.execute(status -> {
                int seq = repository.lockNextSeq(set.id());
                java.util.Optional<Revision> identical = repository.sameUpload(caller, set.id(), digest);
                if (identical.isPresent() && upload.reuseIdentical()) {
                    return new Stored(identical.get(), false);
                }
                identical.ifPresent(same -> {
                    throw duplicate(same, set);
                });
                Map<String, UUID> known = repository.filesInSet(set.id(), files.stream().map(Received::sha256).toList());
                List<Revision.RevisionFile> recorded = new ArrayList<>();
                List<String> keys = new ArrayList<>();
                for (Received f : files) {
                    StorageKey key = StorageLayout.revisionFile(set.projectId(), set.id(), id, f.position(),
                            f.type().extension());
                    write(key, f.temp());
                    written.add(key);
                    keys.add(key.path());
                    recorded.add(new Revision.RevisionFile(f.position(), f.name(), f.type().mediaType(), f.bytes(),
                            f.sha256(), f.pages(), known.get(f.sha256())));
                }
                Integer pages = files.stream().anyMatch(f -> f.pages() == null) ? null
                        : files.stream().mapToInt(Received::pages).sum();
                Revision r = new Revision(id, set.projectId(), set.id(), set.name(), seq, upload.label(),
                        upload.issuedOn(), upload.note(), pages, files.stream().mapToLong(Received::bytes).sum(), digest,
                        recorded, caller.userId(), null);
                repository.insert(r, StorageLayout.revisionFiles(set.projectId(), set.id(), id).path(), keys);
                Revision created = repository.find(caller, id).orElseThrow();
                inTransaction.accept(created);
                return new Stored(created, true);
            });
        } catch (RuntimeException e) {
            written.forEach(this::deleteQuietly);
            throw e;
        }
    }

    private void write(StorageKey key, Path file) {
        try {
            store.write(key, file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store " + key + ": " + e.getMessage(), e);
        }
    }

    private void deleteQuietly(StorageKey key) {
        try {
            store.delete(key);
        } catch (IOException | RuntimeException e) {
            // an orphan object costs storage only; the revision was not recorded
        }
    }

    private static ApiException duplicate(Revision same, DrawingSet set) {
        return ApiException.conflict("these files were already uploaded as revision '" + same.label()
                + "' (" + same.id() + ") of drawing set '" + set.name() + "'", Map.of("revisionId", same.id()));
    }

    /** A revision's digest: over its files' digests, in order. */
    private static String digestOf(List<String> fileDigests) {
        MessageDigest sha = sha256();
        fileDigests.forEach(d -> sha.update((d.toLowerCase(java.util.Locale.ROOT) + "\n")
                .getBytes(StandardCharsets.US_ASCII)));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The uploaded name without any folders, for messages and downloads only. */
    public static String displayName(MultipartFile f) {
        return displayName(f.getOriginalFilename());
    }

    /** A file name as a client gave it, without any folders or control characters, for messages and downloads. */
    public static String displayName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}\"]", "_").strip();
        return name.isEmpty() ? "file" : name.length() > 200 ? name.substring(0, 200) : name;
    }
}
