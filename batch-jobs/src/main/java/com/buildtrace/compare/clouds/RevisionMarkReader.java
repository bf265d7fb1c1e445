package com.buildtrace.compare.clouds;

import com.buildtrace.compare.content.PageContent;
import com.buildtrace.compare.content.PageContentScanner;
import com.buildtrace.compare.raster.PdfRasterizer;
import com.buildtrace.compare.source.ImageSheet;
import com.buildtrace.compare.source.PdfSheet;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Reads the revision marks of a sheet: from the vector content of a PDF page (the fast content interpreter,
 * PDFBox's stream engine for pages it does not cover), or from the coloured markup of a scan.
 */
public final class RevisionMarkReader {

    private final PageContentScanner scanner = new PageContentScanner();

    private final RasterCloudDetector raster = new RasterCloudDetector();

    /** The marks of a PDF page, read from its vector content; a scanned page's from its image. */
    public RevisionMarks read(PDDocument document, PdfSheet sheet) throws IOException {
        return readWithContent(document, sheet).marks();
    }

    /** The marks of a PDF page with the content they were read from. */
    public MarkedSheet readWithContent(PDDocument document, PdfSheet sheet) throws IOException {
        VectorCloudDetector detector = new VectorCloudDetector();
        PageContent content = new PdfRasterizer(document, sheet).scanFast(detector);
        if (content == null) {
            detector.clear();
            content = scanner.scan(document, sheet.pageIndex(), detector);
        }
        return new MarkedSheet(detector.marks(content.words()), content);
    }

    /** The marks of a raster sheet (a scan or an exported plot). */
    public RevisionMarks read(ImageSheet sheet) {
        return raster.detect(sheet);
    }
}
