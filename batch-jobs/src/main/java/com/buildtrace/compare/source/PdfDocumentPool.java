package com.buildtrace.compare.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Open PDF documents, lent to one thread at a time. A {@link PDDocument} is not thread-safe, so every
 * concurrent user gets its own instance; instances are kept open and reused, because opening a large set
 * for each sheet would parse its cross-reference table again and again.
 */
public final class PdfDocumentPool implements AutoCloseable {

    private final Map<Path, Deque<PDDocument>> idle = new HashMap<>();

    private final List<PDDocument> all = new ArrayList<>();

    /** Lent documents of evicted files: closed when given back. */
    private final java.util.Set<PDDocument> retired =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** Which file each open document is of. */
    private final Map<PDDocument, Path> files = new java.util.IdentityHashMap<>();

    private boolean closed;

    /** A document lent to the caller; closing the lease returns it to the pool. */
    public final class Lease implements AutoCloseable {

        private final Path file;

        private final PDDocument document;

        private Lease(Path file, PDDocument document) {
            this.file = file;
            this.document = document;
        }

        public PDDocument document() {
            return document;
        }

        @Override
        public void close() {
            giveBack(file, document);
        }
    }

    /**
     * Lends an open document of {@code file}, opening a new instance when all are in use.
     *
     * @throws DrawingInputException when the file cannot be opened
     */
    public Lease borrow(Path file) {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("pool is closed");
            }
            Deque<PDDocument> free = idle.get(file);
            if (free != null && !free.isEmpty()) {
                return new Lease(file, free.pop());
            }
        }
        PDDocument doc = open(file);
        synchronized (this) {
            all.add(doc);
            files.put(doc, file);
        }
        return new Lease(file, doc);
    }

    private static PDDocument open(Path file) {
        try {
            return Loader.loadPDF(file.toFile());
        } catch (InvalidPasswordException e) {
            throw new DrawingInputException(file, -1, "the PDF is encrypted with a password", e);
        } catch (IOException e) {
            throw new DrawingInputException(file, -1, "corrupt or truncated PDF (" + e.getMessage() + ")", e);
        }
    }

    private synchronized void giveBack(Path file, PDDocument doc) {
        if (closed) {
            closeQuietly(doc);
            return;
        }
        if (retired.remove(doc)) {
            closeQuietly(doc);
            return;
        }
        idle.computeIfAbsent(file, f -> new ArrayDeque<>()).push(doc);
    }

    /**
     * Closes the documents of a file (those lent out when they come back): its comparison is over, or the
     * file changed on disk. A later borrow opens it afresh.
     */
    public synchronized void evict(Path file) {
        Deque<PDDocument> free = idle.remove(file);
        if (free != null) {
            free.forEach(PdfDocumentPool::closeQuietly);
        }
        java.util.Iterator<PDDocument> it = all.iterator();
        while (it.hasNext()) {
            PDDocument doc = it.next();
            if (file.equals(files.get(doc))) {
                it.remove();
                files.remove(doc);
                if (free == null || !free.contains(doc)) {
                    retired.add(doc);
                }
            }
        }
    }

    /** Open documents (lent or idle), for tests and monitoring. */
    public synchronized int openDocuments() {
        return all.size() + retired.size();
    }

    @Override
    public synchronized void close() {
        closed = true;
        all.forEach(PdfDocumentPool::closeQuietly);
        all.clear();
        idle.clear();
        files.clear();
    }

    private static void closeQuietly(PDDocument doc) {
        try {
            doc.close();
        } catch (IOException e) {
            // nothing useful to do: the file was only read
        }
    }
}
