package com.buildtrace.compare.source;

import java.awt.geom.AffineTransform;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** Coordinates of PDF pages as a viewer shows them. */
public final class PdfPages {

    private PdfPages() {
    }

    /**
     * The transform from PDF user space (origin bottom-left of the media box, y up) to displayed points
     * (origin top-left of the crop box, y down, /Rotate applied): the same mapping PDFBox uses to render the
     * page at 72 dpi.
     */
    public static AffineTransform userToDisplay(PDPage page) {
        PDRectangle crop = page.getCropBox();
        AffineTransform t = rotation(page);
        t.translate(0, crop.getHeight());
        t.scale(1, -1);
        t.translate(-crop.getLowerLeftX(), -crop.getLowerLeftY());
        return t;
    }

    /**
     * The /Rotate part of {@link #userToDisplay}: turns the page (y down, crop box at the origin) so that
     * it shows as a viewer shows it.
     */
    public static AffineTransform rotation(PDPage page) {
        PDRectangle crop = page.getCropBox();
        AffineTransform t = new AffineTransform();
        switch (Math.floorMod(page.getRotation(), 360)) {
            case 90 -> {
                t.translate(crop.getHeight(), 0);
                t.rotate(Math.PI / 2);
            }
            case 180 -> {
                t.translate(crop.getWidth(), crop.getHeight());
                t.rotate(Math.PI);
            }
            case 270 -> {
                t.translate(0, crop.getWidth());
                t.rotate(Math.PI * 1.5);
            }
            default -> {
                // not rotated
            }
        }
        return t;
    }
}
