package com.buildtrace.samples;

import java.awt.geom.AffineTransform;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.util.Matrix;

/**
 * Drawing on a PDF page in displayed coordinates (points, origin top-left, y down), the way drawings are
 * described, with a few drafting primitives: lines, walls, doors, text, dimensions, grid bubbles.
 */
public final class SheetCanvas {

    /** For measuring only: fonts written into a document are made per canvas (see below). */
    private static final PDFont METRICS = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    // A font object remembers the document it was first saved in; sharing one between documents would make
    // the same drawing come out with different object numbers, so each canvas has its own.
    private final PDFont sans = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    private final PDFont sansBold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final PDPageContentStream cs;

    private final double height;

    /**
     * @param cs the page's content stream
     * @param pageHeight page height in points
     * @param plot a re-plot applied to everything drawn (displayed coordinates), or null
     */
    public SheetCanvas(PDPageContentStream cs, double pageHeight, AffineTransform plot) throws IOException {
        this.cs = cs;
        this.height = pageHeight;
        if (plot != null && !plot.isIdentity()) {
            // a re-plot: the whole sheet moved by a transform given in displayed coordinates
            AffineTransform flip = new AffineTransform(1, 0, 0, -1, 0, pageHeight);
            AffineTransform user = new AffineTransform(flip);
            user.concatenate(plot);
            user.concatenate(flip);
            cs.transform(new Matrix(user));
        }
    }

    private float y(double displayY) {
        return (float) (height - displayY);
    }

    public void line(double x0, double y0, double x1, double y1, double width) throws IOException {
        cs.setLineWidth((float) width);
        cs.moveTo((float) x0, y(y0));
        cs.lineTo((float) x1, y(y1));
        cs.stroke();
    }

    public void rect(double x, double y, double w, double h, double width) throws IOException {
        cs.setLineWidth((float) width);
        cs.addRect((float) x, y(y + h), (float) w, (float) h);
        cs.stroke();
    }

    public void fillRect(double x, double y, double w, double h, float gray) throws IOException {
        cs.setNonStrokingColor(gray);
        cs.addRect((float) x, y(y + h), (float) w, (float) h);
        cs.fill();
        cs.setNonStrokingColor(0f);
    }

    public void circle(double cx, double cy, double r, double width) throws IOException {
        double k = 0.5523 * r;
        cs.setLineWidth((float) width);
        cs.moveTo((float) (cx + r), y(cy));
        cs.curveTo((float) (cx + r), y(cy - k), (float) (cx + k), y(cy - r), (float) cx, y(cy - r));
        cs.curveTo((float) (cx - k), y(cy - r), (float) (cx - r), y(cy - k), (float) (cx - r), y(cy));
        cs.curveTo((float) (cx - r), y(cy + k), (float) (cx - k), y(cy + r), (float) cx, y(cy + r));
        cs.curveTo((float) (cx + k), y(cy + r), (float) (cx + r), y(cy + k), (float) (cx + r), y(cy));
        cs.stroke();
    }

    /** A quarter arc (door swing) centred at (cx, cy) from angle a0 to a0 + 90 degrees, y down. */
    public void quarterArc(double cx, double cy, double r, double a0Deg, double width) throws IOException {
        double a0 = Math.toRadians(a0Deg);
        double a1 = a0 + Math.PI / 2;
        double k = 0.5523 * r;
        double x0 = cx + r * Math.cos(a0);
        double y0 = cy + r * Math.sin(a0);
        double x1 = cx + r * Math.cos(a1);
        double y1 = cy + r * Math.sin(a1);
        cs.setLineWidth((float) width);
        cs.moveTo((float) x0, y(y0));
        cs.curveTo((float) (x0 - k * Math.sin(a0)), y(y0 + k * Math.cos(a0)),
                (float) (x1 + k * Math.sin(a1)), y(y1 - k * Math.cos(a1)), (float) x1, y(y1));
        cs.stroke();
    }

    /**
     * A revision cloud around a rectangle (displayed coordinates): scallops of about {@code scallop} points
     * bulging outwards, clockwise as seen. {@code arcByArc} writes each scallop as a path of its own, as CAD
     * programs often plot them; otherwise the cloud is one closed path.
     */
    public void revisionCloud(double x, double y, double w, double h, double scallop, double width, boolean arcByArc)
            throws IOException {
        double[][] corners = {{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}};
        cs.setLineWidth((float) width);
        boolean first = true;
        for (int e = 0; e < 4; e++) {
            double[] a = corners[e];
            double[] b = corners[(e + 1) % 4];
            double len = Math.hypot(b[0] - a[0], b[1] - a[1]);
            int n = Math.max(1, (int) Math.round(len / scallop));
            // outward normal of a clockwise (as seen, y down) rectangle edge
            double nx = (b[1] - a[1]) / len;
            double ny = -(b[0] - a[0]) / len;
            for (int i = 0; i < n; i++) {
                double x0 = a[0] + (b[0] - a[0]) * i / n;
                double y0 = a[1] + (b[1] - a[1]) * i / n;
                double x1 = a[0] + (b[0] - a[0]) * (i + 1) / n;
                double y1 = a[1] + (b[1] - a[1]) * (i + 1) / n;
                double bulge = 0.6 * len / n;
                if (first || arcByArc) {
                    cs.moveTo((float) x0, y(y0));
                    first = false;
                }
                cs.curveTo((float) (x0 + nx * bulge), y(y0 + ny * bulge), (float) (x1 + nx * bulge),
                        y(y1 + ny * bulge), (float) x1, y(y1));
                if (arcByArc) {
                    cs.stroke();
                }
            }
        }
        if (!arcByArc) {
            cs.closePath();
            cs.stroke();
        }
    }

    /** A delta tag: an upright triangle of side {@code side} centred at (cx, cy) with the revision inside. */
    public void deltaTag(double cx, double cy, double side, String revision) throws IOException {
        double hgt = side * Math.sqrt(3) / 2;
        cs.setLineWidth(1f);
        cs.moveTo((float) cx, y(cy - 2 * hgt / 3));
        cs.lineTo((float) (cx + side / 2), y(cy + hgt / 3));
        cs.lineTo((float) (cx - side / 2), y(cy + hgt / 3));
        cs.closePath();
        cs.stroke();
        centered(cx, cy + hgt / 3 - side * 0.12, revision, side * 0.4);
    }

    /** Text with its baseline starting at (x, y). */
    public void text(double x, double y, String s, double size) throws IOException {
        text(x, y, s, size, sans);
    }

    public void bold(double x, double y, String s, double size) throws IOException {
        text(x, y, s, size, sansBold);
    }

    private void text(double x, double y, String s, double size, PDFont font) throws IOException {
        cs.beginText();
        cs.setFont(font, (float) size);
        cs.newLineAtOffset((float) x, y(y));
        cs.showText(s);
        cs.endText();
    }

    /** Text rotated 90 degrees counter-clockwise (reads bottom to top), baseline starting at (x, y). */
    public void textUp(double x, double y, String s, double size) throws IOException {
        cs.beginText();
        cs.setFont(sans, (float) size);
        cs.setTextMatrix(new Matrix(0, 1, -1, 0, (float) x, y(y)));
        cs.showText(s);
        cs.endText();
    }

    /** Width of a text in points. */
    public static double width(String s, double size) throws IOException {
        return METRICS.getStringWidth(s) / 1000 * size;
    }

    /** Text centred on (cx, baseline y). */
    public void centered(double cx, double y, String s, double size) throws IOException {
        text(cx - width(s, size) / 2, y, s, size);
    }

    /** A double-line wall of the given thickness between two points on a horizontal or vertical line. */
    public void wall(double x0, double y0, double x1, double y1, double thickness) throws IOException {
        double h = thickness / 2;
        if (y0 == y1) {
            line(x0 - h, y0 - h, x1 + h, y1 - h, 1.2);
            line(x0 - h, y0 + h, x1 + h, y1 + h, 1.2);
        } else {
            line(x0 - h, y0 - h, x1 - h, y1 + h, 1.2);
            line(x0 + h, y0 - h, x1 + h, y1 + h, 1.2);
        }
    }

    /** A door in a horizontal wall at x (left jamb), leaf swinging down into the room. */
    public void door(double x, double wallY, double leaf, double wallThickness) throws IOException {
        double h = wallThickness / 2;
        fillRect(x, wallY - h - 0.5, leaf, wallThickness + 1, 1f);
        line(x, wallY - h, x, wallY + h, 1.2);
        line(x + leaf, wallY - h, x + leaf, wallY + h, 1.2);
        line(x, wallY + h, x, wallY + h + leaf, 0.9);
        quarterArc(x, wallY + h, leaf, 0, 0.5);
    }

    /** A horizontal dimension string between x0 and x1 at height y, its text centred above. */
    public void dimension(double x0, double x1, double y, String label) throws IOException {
        line(x0, y, x1, y, 0.4);
        line(x0 - 3, y + 3, x0 + 3, y - 3, 0.8);
        line(x1 - 3, y + 3, x1 + 3, y - 3, 0.8);
        line(x0, y - 6, x0, y + 6, 0.4);
        line(x1, y - 6, x1, y + 6, 0.4);
        centered((x0 + x1) / 2, y - 4, label, 8);
    }

    /** A grid bubble with its label. */
    public void gridBubble(double cx, double cy, String label) throws IOException {
        circle(cx, cy, 10, 0.8);
        centered(cx, cy + 4, label, 11);
    }
}
