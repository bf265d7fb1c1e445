package com.buildtrace.compare.raster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * Reads a page's content streams, decoded and joined, strictly: PDFBox's decoder logs damaged compressed
 * data and carries on with what it got, which turns a damaged page into a blank one. Here damaged data is an
 * error, so that the page fails with a reason instead of showing up as "everything removed".
 */
final class ContentStreams {

    private ContentStreams() {
    }

    static byte[] read(PDPage page) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        Iterator<PDStream> it = page.getContentStreams();
        while (it.hasNext()) {
            COSStream stream = it.next().getCOSObject();
            if (isPlainFlate(stream)) {
                inflate(stream, out);
            } else {
                try (InputStream in = stream.createInputStream()) {
                    in.transferTo(out);
                }
            }
            out.write('\n'); // content streams are joined as if by white space
        }
        return out.toByteArray();
    }

    private static boolean isPlainFlate(COSStream stream) {
        COSBase filter = stream.getDictionaryObject(COSName.FILTER);
        boolean flate = COSName.FLATE_DECODE.equals(filter) || (filter instanceof org.apache.pdfbox.cos.COSArray a
                && a.size() == 1 && COSName.FLATE_DECODE.equals(a.getObject(0)));
        return flate && stream.getDictionaryObject(COSName.DECODE_PARMS) == null;
    }

    private static void inflate(COSStream stream, ByteArrayOutputStream out) throws IOException {
        byte[] raw;
        try (InputStream in = stream.createRawInputStream()) {
            raw = in.readAllBytes();
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(raw);
            byte[] buf = new byte[1 << 16];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("its compressed drawing data ends early (damaged or truncated PDF)");
                }
                out.write(buf, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IOException("its compressed drawing data is damaged (" + e.getMessage() + ")", e);
        } finally {
            inflater.end();
        }
    }
}
