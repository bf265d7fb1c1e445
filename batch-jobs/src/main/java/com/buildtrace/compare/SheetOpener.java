package com.buildtrace.compare;

import com.buildtrace.compare.content.PageContent;
import com.buildtrace.compare.content.PageContentScanner;
import com.buildtrace.compare.raster.GrayImage;
import com.buildtrace.compare.raster.ImageDecoder;
import com.buildtrace.compare.raster.ImageRasterizer;
import com.buildtrace.compare.raster.PdfBoxRasterizer;
import com.buildtrace.compare.source.DrawingInputException;
import com.buildtrace.compare.source.ImageSheet;
import com.buildtrace.compare.source.PdfDocumentPool;
import com.buildtrace.compare.source.PdfSheet;
import com.buildtrace.compare.source.SheetSource;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
            try {
                PageContent content = content(pdf, lease);
                return new OpenSheet(pdf, content, new PdfBoxRasterizer(lease.document(), pdf), null, lease);
            } catch (RuntimeException e) {
                lease.close();
                throw e;
            }
        }
        ImageSheet img = (ImageSheet) source;
        GrayImage image = decoder.decode(img, decodeDpi);
        return new OpenSheet(img, PageContent.empty(), new ImageRasterizer(image), image, null);
    }

    /** Content of a PDF page (text and path anchors), scanned once and cached while the budget allows. */
    PageContent content(PdfSheet sheet) {
        try (PdfDocumentPool.Lease lease = pool.borrow(sheet.file())) {
            return content(sheet, lease);
        }
    }

    private PageContent content(PdfSheet sheet, PdfDocumentPool.Lease lease) {
        String key = sheet.file() + "#" + sheet.pageIndex();
        PageContent cached = contents.get(key);
        if (cached != null) {
            return cached;
        }
        PageContent content;
        try {
            content = scanner.scan(lease.document(), sheet.pageIndex(), true);
        } catch (IOException | RuntimeException e) {
            throw new DrawingInputException(sheet.file(), sheet.pageIndex(),
                    "the page content cannot be read (" + e.getMessage() + ")", e);
        }
        synchronized (this) {
            if (cachedBytes + content.estimatedBytes() <= CONTENT_BUDGET) {
                cachedBytes += content.estimatedBytes();
                contents.put(key, content);
            }
        }
        return content;
    }

    /** Forgets a page's content once its pair is compared. */
    void forget(SheetSource sheet) {
        PageContent gone = contents.remove(sheet.file() + "#" + sheet.pageIndex());
        if (gone != null) {
            synchronized (this) {
                cachedBytes -= gone.estimatedBytes();
            }
        }
    }

    @Override
    public void close() {
        pool.close();
        contents.clear();
    }
}
