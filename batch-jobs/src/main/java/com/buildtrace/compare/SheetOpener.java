package com.buildtrace.compare;

import com.buildtrace.compare.content.PageContent;
import com.buildtrace.compare.content.PageContentScanner;
import com.buildtrace.compare.raster.GrayImage;
import com.buildtrace.compare.raster.ImageDecoder;
import com.buildtrace.compare.raster.ImageRasterizer;
import com.buildtrace.compare.raster.PdfRasterizer;
import com.buildtrace.compare.source.DrawingInputException;
import com.buildtrace.compare.source.ImageSheet;
import com.buildtrace.compare.source.PdfDocumentPool;
import com.buildtrace.compare.source.PdfSheet;
import com.buildtrace.compare.source.SheetSource;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Opens sheets for comparison and remembers what their content scan found, within a memory budget, so that a
 * page read to identify the sheet is not parsed again to align it.
 */
final class SheetOpener implements AutoCloseable {

    /** Content kept between identification and comparison, in (estimated) bytes. */
    static final long CONTENT_BUDGET = 256L << 20;

    private final PdfDocumentPool pool = new PdfDocumentPool();

    private final PageContentScanner scanner = new PageContentScanner();

    private final ImageDecoder decoder = new ImageDecoder();

    private final Map<String, PageContent> contents = new ConcurrentHashMap<>();

    private long cachedBytes;

    /** The open documents, shared with the set reader so that no file is opened twice. */
    PdfDocumentPool pool() {
        return pool;
    }

    /**
     * Opens a sheet.
     *
     * @param decodeDpi for images: decode at no more than (about) this resolution
     * @throws DrawingInputException when the sheet cannot be read
     */
    OpenSheet open(SheetSource source, double decodeDpi) {
        source.requireUsable();
        if (source instanceof PdfSheet pdf) {
            PdfDocumentPool.Lease lease = pool.borrow(pdf.file());
            return new OpenSheet(pdf, new PdfRasterizer(lease.document(), pdf), null, contents.get(key(pdf)),
                    () -> scan(pdf, lease.document()), lease::close);
        }
        ImageSheet img = (ImageSheet) source;
        GrayImage image = decoder.decode(img, decodeDpi);
        return new OpenSheet(img, new ImageRasterizer(image), image, PageContent.empty(), PageContent::empty, () -> {
        });
    }

    /** Content of a PDF page (text and path anchors), read once and kept while the budget allows. */
    PageContent content(PdfSheet sheet) {
        PageContent cached = contents.get(key(sheet));
        if (cached != null) {
            return cached;
        }
        try (PdfDocumentPool.Lease lease = pool.borrow(sheet.file())) {
            PageContent content = scan(sheet, lease.document());
            synchronized (this) {
                if (cachedBytes + content.estimatedBytes() <= CONTENT_BUDGET) {
                    cachedBytes += content.estimatedBytes();
                    contents.put(key(sheet), content);
                }
            }
            return content;
        }
    }

    private PageContent scan(PdfSheet sheet, PDDocument document) {
        PageContent fast = new PdfRasterizer(document, sheet).scanFast();
        if (fast != null) {
            return fast;
        }
        try {
            return scanner.scan(document, sheet.pageIndex());
        } catch (IOException | RuntimeException e) {
            throw new DrawingInputException(sheet.file(), sheet.pageIndex(),
                    "the page content cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static String key(SheetSource sheet) {
        return sheet.file() + "#" + sheet.pageIndex();
    }

    /** Forgets a page's content once its pair is compared. */
    void forget(SheetSource sheet) {
        PageContent gone = contents.remove(key(sheet));
        if (gone != null) {
            synchronized (this) {
                cachedBytes -= gone.estimatedBytes();
            }
        }
    }

    /** Closes a file's documents and forgets its pages' content. */
    void release(java.nio.file.Path file) {
        pool.evict(file);
        String prefix = file + "#";
        contents.keySet().stream().filter(k -> k.startsWith(prefix)).toList().forEach(k -> {
            PageContent gone = contents.remove(k);
            if (gone != null) {
                synchronized (this) {
                    cachedBytes -= gone.estimatedBytes();
                }
            }
        });
    }

    @Override
    public void close() {
        pool.close();
        contents.clear();
    }
}
