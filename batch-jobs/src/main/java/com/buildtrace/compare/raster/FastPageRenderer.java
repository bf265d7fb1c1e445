package com.buildtrace.compare.raster;

import com.buildtrace.compare.content.ContentRecorder;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDCalGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDCalRGB;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.color.PDICCBased;
import org.apache.pdfbox.pdmodel.graphics.color.PDPattern;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Draws the common subset of PDF page content (paths, strokes, fills, clipping, text in embedded or standard
 * fonts, images, forms, device and ICC colours, constant alpha) straight onto a Graphics2D, and can tell a
 * {@link ContentRecorder} what it draws on the way. CAD plots consist of this subset, and reading their
 * content streams this way is several times faster than PDFBox's general renderer, whose operand objects
 * and graphics-state copies dominate on streams of a million tokens. Anything outside the subset (shadings,
 * patterns, soft masks, blend modes, inline images, Type 3 fonts, clipping text) throws
 * {@link UnsupportedContentException}, and the page is rendered by PDFBox instead.
 */
final class FastPageRenderer {

    private static final int MAX_FORM_DEPTH = 24;

    private static final BasicStroke HAIRLINE = new BasicStroke(0.25f);

    private final Graphics2D g;

    private final ContentRecorder recorder;

    private final Deque<State> stack = new ArrayDeque<>();

    private State state;

    private GeneralPath path = new GeneralPath();

    private final Point2D.Double current = new Point2D.Double();

    private int pendingClip = -1;

    private Shape appliedClip;

    private boolean clipApplied;

    private AffineTransform textMatrix = new AffineTransform();

    private AffineTransform lineMatrix = new AffineTransform();

    private final Map<PDFont, Map<Integer, GeneralPath>> glyphs = new HashMap<>();

    private final Map<PDResources, Map<String, PDExtendedGraphicsState>> extStates = new java.util.IdentityHashMap<>();

    private BasicStroke lastStroke;

    private float lastStrokeWidth = Float.NaN;

    private float lastStrokeScale = Float.NaN;

    private State lastStrokeState;

    private int depth;

    /**
     * @param g where to draw, its transform set to map PDF user space to device pixels; null to only record
     * @param recorder told what is drawn, or null
     */
    FastPageRenderer(Graphics2D g, ContentRecorder recorder) {
        this.g = g;
        this.recorder = recorder;
    }

    /**
     * Draws a page's content stream with its resources.
     *
     * @param pageClip the crop box in user space: nothing outside it is drawn
     */
    void run(byte[] content, PDResources resources, Shape pageClip) throws IOException {
        state = new State();
        state.clip = pageClip;
        stack.clear();
        interpret(content, resources);
    }

    // ---------------------------------------------------------------------------------------- interpreter

    private void interpret(byte[] content, PDResources resources) throws IOException {
        ContentLexer lex = new ContentLexer(content);
        double[] nums = new double[16];
        int n = 0;
        String name = null;
        byte[] string = null;
        List<Object> array = null;
        while (true) {
            ContentLexer.Kind k = lex.next();
            switch (k) {
                case EOF -> {
                    return;
                }
                case NUMBER, BOOLEAN, NULL -> {
                    if (n < nums.length) {
                        nums[n] = lex.number();
                    }
                    n++;
                }
                case NAME -> name = lex.text();
                case STRING -> string = lex.bytes();
                case ARRAY_START -> array = readArray(lex);
                case ARRAY_END -> {
                    // stray bracket: ignore, as PDF readers do
                }
                case DICT -> throw new UnsupportedContentException("inline dictionary");
                case OPERATOR -> {
                    operator(lex, lex.text(), nums, Math.min(n, nums.length), name, string, array, resources);
                    n = 0;
                    name = null;
                    string = null;
                    array = null;
                }
            }
        }
    }

    private static List<Object> readArray(ContentLexer lex) {
        List<Object> out = new ArrayList<>();
        while (true) {
            ContentLexer.Kind k = lex.next();
            switch (k) {
                case ARRAY_END, EOF -> {
                    return out;
                }
                case NUMBER, BOOLEAN, NULL -> out.add(lex.number());
                case STRING -> out.add(lex.bytes());
                case NAME -> out.add(lex.text());
                case ARRAY_START -> out.add(readArray(lex));
                default -> throw new UnsupportedContentException("unexpected token in array");
            }
        }
    }

    private void operator(ContentLexer lex, String op, double[] a, int n, String name, byte[] string,
                          List<Object> array, PDResources res) throws IOException {
        switch (op) {
            // graphics state
            case "q" -> stack.push(state.copy());
            case "Q" -> {
                if (!stack.isEmpty()) {
                    state = stack.pop();
                }
            }
            case "cm" -> {
                if (n >= 6) {
                    state.ctm.concatenate(new AffineTransform(a[0], a[1], a[2], a[3], a[4], a[5]));
                }
            }
            case "w" -> state.lineWidth = n > 0 ? (float) a[0] : state.lineWidth;
            case "J" -> state.cap = n > 0 ? (int) a[0] : state.cap;
            case "j" -> state.join = n > 0 ? (int) a[0] : state.join;
            case "M" -> state.miter = n > 0 ? (float) a[0] : state.miter;
            case "d" -> {
                state.dash = array == null ? null : dashArray(array);
                state.dashPhase = n > 0 ? (float) a[0] : 0;
            }
            case "ri", "i" -> {
                // rendering intent and flatness do not change which pixels are ink here
            }
            case "gs" -> extGState(res, name);
            // path construction (points go through the CTM, as PDFBox does)
            case "m" -> {
                if (n >= 2) {
                    Point2D p = point(a[0], a[1]);
                    path.moveTo(p.getX(), p.getY());
                    record(p);
                }
            }
            case "l" -> {
                if (n >= 2) {
                    Point2D p = point(a[0], a[1]);
                    if (path.getCurrentPoint() == null) {
                        path.moveTo(p.getX(), p.getY());
                    } else {
                        path.lineTo(p.getX(), p.getY());
                    }
                    record(p);
                }
            }
            case "c" -> {
                if (n >= 6) {
                    curve(point(a[0], a[1]), point(a[2], a[3]), point(a[4], a[5]));
                }
            }
            case "v" -> {
                if (n >= 4) {
                    Point2D cur = path.getCurrentPoint();
                    curve(cur == null ? point(a[0], a[1]) : cur, point(a[0], a[1]), point(a[2], a[3]));
                }
            }
            case "y" -> {
                if (n >= 4) {
                    Point2D end = point(a[2], a[3]);
                    curve(point(a[0], a[1]), end, end);
                }
            }
            case "h" -> {
                if (path.getCurrentPoint() != null) {
                    path.closePath();
                }
            }
            case "re" -> {
                if (n >= 4) {
                    Point2D p0 = point(a[0], a[1]);
                    Point2D p1 = point(a[0] + a[2], a[1]);
                    Point2D p2 = point(a[0] + a[2], a[1] + a[3]);
                    Point2D p3 = point(a[0], a[1] + a[3]);
                    path.moveTo(p0.getX(), p0.getY());
                    path.lineTo(p1.getX(), p1.getY());
                    path.lineTo(p2.getX(), p2.getY());
                    path.lineTo(p3.getX(), p3.getY());
                    path.closePath();
                    record(p0);
                    record(p1);
                    record(p2);
                    record(p3);
                }
            }
            // painting
            case "S" -> paint(false, true, Path2D.WIND_NON_ZERO);
            case "s" -> {
                closeIfOpen();
                paint(false, true, Path2D.WIND_NON_ZERO);
            }
            case "f", "F" -> paint(true, false, Path2D.WIND_NON_ZERO);
            case "f*" -> paint(true, false, Path2D.WIND_EVEN_ODD);
            case "B" -> paint(true, true, Path2D.WIND_NON_ZERO);
            case "B*" -> paint(true, true, Path2D.WIND_EVEN_ODD);
            case "b" -> {
                closeIfOpen();
                paint(true, true, Path2D.WIND_NON_ZERO);
            }
            case "b*" -> {
                closeIfOpen();
                paint(true, true, Path2D.WIND_EVEN_ODD);
            }
            case "n" -> paint(false, false, Path2D.WIND_NON_ZERO);
            case "W" -> pendingClip = Path2D.WIND_NON_ZERO;
            case "W*" -> pendingClip = Path2D.WIND_EVEN_ODD;
            // colour
            case "g" -> {
                state.fillSpace = Space.GRAY;
                state.fill = gray(a, n);
            }
            case "G" -> {
                state.strokeSpace = Space.GRAY;
                state.stroke = gray(a, n);
            }
            case "rg" -> {
                state.fillSpace = Space.RGB;
                state.fill = rgb(a, n);
            }
            case "RG" -> {
                state.strokeSpace = Space.RGB;
                state.stroke = rgb(a, n);
            }
            case "k" -> {
                state.fillSpace = Space.CMYK;
                state.fill = cmyk(a, n);
            }
            case "K" -> {
                state.strokeSpace = Space.CMYK;
                state.stroke = cmyk(a, n);
            }
            case "cs" -> {
                state.fillSpace = space(res, name);
                state.fillPd = state.fillSpace == Space.OTHER ? res.getColorSpace(COSName.getPDFName(name)) : null;
                state.fill = initial(state.fillSpace, state.fillPd);
            }
            case "CS" -> {
                state.strokeSpace = space(res, name);
                state.strokePd = state.strokeSpace == Space.OTHER ? res.getColorSpace(COSName.getPDFName(name)) : null;
                state.stroke = initial(state.strokeSpace, state.strokePd);
            }
            case "sc", "scn" -> state.fill = color(state.fillSpace, state.fillPd, a, n, name);
            case "SC", "SCN" -> state.stroke = color(state.strokeSpace, state.strokePd, a, n, name);
            // text
            case "BT" -> {
                textMatrix = new AffineTransform();
                lineMatrix = new AffineTransform();
            }
            case "ET" -> {
                // text objects end; nothing is pending
            }
            case "Tc" -> state.charSpacing = n > 0 ? (float) a[0] : 0;
            case "Tw" -> state.wordSpacing = n > 0 ? (float) a[0] : 0;
            case "Tz" -> state.hScale = n > 0 ? (float) (a[0] / 100) : 1;
            case "TL" -> state.leading = n > 0 ? (float) a[0] : 0;
            case "Ts" -> state.rise = n > 0 ? (float) a[0] : 0;
            case "Tr" -> {
                state.renderMode = n > 0 ? (int) a[0] : 0;
                if (state.renderMode >= 4) {
                    throw new UnsupportedContentException("clipping text");
                }
            }
            case "Tf" -> {
                state.font = font(res, name);
                state.fontSize = n > 0 ? (float) a[0] : state.fontSize;
            }
            case "Td" -> {
                if (n >= 2) {
                    moveText(a[0], a[1]);
                }
            }
            case "TD" -> {
                if (n >= 2) {
                    state.leading = (float) -a[1];
                    moveText(a[0], a[1]);
                }
            }
            case "Tm" -> {
                if (n >= 6) {
                    lineMatrix = new AffineTransform(a[0], a[1], a[2], a[3], a[4], a[5]);
                    textMatrix = new AffineTransform(lineMatrix);
                }
            }
            case "T*" -> moveText(0, -state.leading);
            case "Tj" -> {
                if (string != null) {
                    showText(string);
                }
            }
            case "'" -> {
                moveText(0, -state.leading);
                if (string != null) {
                    showText(string);
                }
            }
            case "\"" -> {
                if (n >= 2) {
                    state.wordSpacing = (float) a[0];
                    state.charSpacing = (float) a[1];
                }
                moveText(0, -state.leading);
                if (string != null) {
                    showText(string);
                }
            }
            case "TJ" -> {
                if (array != null) {
                    for (Object o : array) {
                        if (o instanceof byte[] b) {
                            showText(b);
                        } else if (o instanceof Double d) {
                            double tx = -d / 1000 * state.fontSize * state.hScale;
                            textMatrix.translate(tx, 0);
                        }
                    }
                }
            }
            // objects
            case "Do" -> xobject(res, name);
            case "BI" -> throw new UnsupportedContentException("inline image");
            case "sh" -> throw new UnsupportedContentException("shading");
            case "BMC", "BDC", "EMC", "MP", "DP", "BX", "EX", "d0", "d1" -> {
                // marked content and compatibility sections draw nothing themselves
            }
            default -> {
                // unknown operators are ignored, as the PDF specification asks
            }
        }
    }

    // ------------------------------------------------------------------------------------------ paths

    private Point2D point(double x, double y) {
        Point2D.Double p = new Point2D.Double(x, y);
        state.ctm.transform(p, p);
        return p;
    }

    private void record(Point2D p) {
        if (recorder != null) {
            recorder.pathPoint((float) p.getX(), (float) p.getY());
        }
    }

    private void curve(Point2D c1, Point2D c2, Point2D end) {
        if (path.getCurrentPoint() == null) {
            path.moveTo(c1.getX(), c1.getY());
        }
        path.curveTo(c1.getX(), c1.getY(), c2.getX(), c2.getY(), end.getX(), end.getY());
        record(end);
    }

    private void closeIfOpen() {
        if (path.getCurrentPoint() != null) {
            path.closePath();
        }
    }

    private void paint(boolean fill, boolean stroke, int windingRule) {
        if (recorder != null) {
            if (fill || stroke) {
                recorder.paintPath();
                recorder.path(path, stroke);
            } else {
                recorder.discardPath();
            }
        }
        if (g != null && path.getCurrentPoint() != null) {
            path.setWindingRule(windingRule);
            if (fill) {
                applyClip();
                setPaint(state.fill, state.fillAlpha);
                g.fill(path);
            }
            if (stroke) {
                BasicStroke s = stroke();
                if (s != null) {
                    applyClip();
                    setPaint(state.stroke, state.strokeAlpha);
                    g.setStroke(s);
                    g.draw(path);
                }
            }
        }
        if (pendingClip >= 0) {
            GeneralPath clip = (GeneralPath) path.clone();
            clip.setWindingRule(pendingClip);
            state.clip = intersect(state.clip, clip);
            pendingClip = -1;
        }
        path = new GeneralPath();
    }

    private static Shape intersect(Shape clip, Shape add) {
        Rectangle2D r = add instanceof GeneralPath gp ? rectangle(gp) : null;
        if (clip == null) {
            return r != null ? r : add;
        }
        if (r != null && clip instanceof Rectangle2D cr) {
            Rectangle2D out = new Rectangle2D.Double();
            Rectangle2D.intersect(cr, r, out);
            if (out.getWidth() < 0 || out.getHeight() < 0) {
                out.setRect(out.getX(), out.getY(), 0, 0);
            }
            return out;
        }
        Area area = new Area(clip);
        area.intersect(new Area(add));
        return area;
    }

    /** The rectangle a path describes, when it is an axis-aligned rectangle; else null. */
    private static Rectangle2D rectangle(GeneralPath p) {
        double[] c = new double[6];
        double[] xs = new double[5];
        double[] ys = new double[5];
        int count = 0;
        for (java.awt.geom.PathIterator it = p.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            if (type == java.awt.geom.PathIterator.SEG_CLOSE) {
                continue;
            }
            if (type != java.awt.geom.PathIterator.SEG_MOVETO && type != java.awt.geom.PathIterator.SEG_LINETO
                    || count == 5 || (type == java.awt.geom.PathIterator.SEG_MOVETO && count > 0)) {
                return null;
            }
            xs[count] = c[0];
            ys[count] = c[1];
            count++;
        }
        if (count == 5 && xs[4] == xs[0] && ys[4] == ys[0]) {
            count = 4;
        }
        if (count != 4) {
            return null;
        }
        boolean horizontalFirst = ys[0] == ys[1] && xs[1] == xs[2] && ys[2] == ys[3] && xs[3] == xs[0];
        boolean verticalFirst = xs[0] == xs[1] && ys[1] == ys[2] && xs[2] == xs[3] && ys[3] == ys[0];
        if (!horizontalFirst && !verticalFirst) {
            return null;
        }
        double x0 = Math.min(xs[0], xs[2]);
        double y0 = Math.min(ys[0], ys[2]);
        return new Rectangle2D.Double(x0, y0, Math.abs(xs[2] - xs[0]), Math.abs(ys[2] - ys[0]));
    }

    private void applyClip() {
        if (!clipApplied || appliedClip != state.clip) {
            g.setClip(state.clip);
            appliedClip = state.clip;
            clipApplied = true;
        }
    }

    private void setPaint(Color c, float alpha) {
        g.setColor(c);
        Composite want = alpha >= 1 ? AlphaComposite.SrcOver : AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha);
        if (!want.equals(g.getComposite())) {
            g.setComposite(want);
        }
    }

    /** The stroke for the current state, as PDFBox builds it (width through the CTM, at least 0.25). */
    private BasicStroke stroke() {
        State s = state;
        AffineTransform m = s.ctm;
        double x = m.getScaleX() + m.getShearX();
        double y = m.getScaleY() + m.getShearY();
        float scale = (float) Math.sqrt((x * x + y * y) * 0.5);
        float width = s.lineWidth * scale;
        if (width < 0.25f) {
            width = 0.25f;
        }
        if (lastStroke != null && width == lastStrokeWidth && scale == lastStrokeScale && lastStrokeState != null
                && lastStrokeState.sameStroke(s)) {
            return lastStroke;
        }
        float[] dash = null;
        if (s.dash != null && s.dash.length > 0) {
            boolean allZero = true;
            dash = new float[s.dash.length];
            for (int i = 0; i < dash.length; i++) {
                if (s.dash[i] != 0) {
                    allZero = false;
                }
                dash[i] = Math.max(s.dash[i] * scale, 0.062f);
            }
            if (allZero) {
                return null; // an all-zero dash draws nothing, as in Acrobat
            }
        }
        int cap = Math.min(2, Math.max(0, s.cap));
        int join = Math.min(2, Math.max(0, s.join));
        float miter = s.miter < 1 ? 10 : s.miter;
        BasicStroke stroke = width == 0.25f && dash == null && cap == 0 && join == 0 && miter == 10 ? HAIRLINE
                : new BasicStroke(width, cap, join, miter, dash, Math.min(s.dashPhase * scale, Short.MAX_VALUE));
        lastStroke = stroke;
        lastStrokeWidth = width;
        lastStrokeScale = scale;
        lastStrokeState = s.copy();
        return stroke;
    }

    private static float[] dashArray(List<Object> array) {
        List<Float> values = new ArrayList<>();
        for (Object o : array) {
            if (o instanceof Double d) {
                if (!Double.isFinite(d)) {
                    return null;
                }
                values.add((float) Math.abs(d));
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    // ----------------------------------------------------------------------------------------- colour

    /** Colour spaces handled without PDFBox's conversion. */
    private enum Space { GRAY, RGB, CMYK, OTHER, PATTERN }

    private static final Color[] GRAYS = new Color[256];

    static {
        for (int i = 0; i < 256; i++) {
            GRAYS[i] = new Color(i, i, i);
        }
    }

    private static Color gray(double[] a, int n) {
        return GRAYS[(int) Math.round(clamp(n > 0 ? a[0] : 0) * 255)];
    }

    private static Color rgb(double[] a, int n) {
        if (n < 3) {
            return Color.BLACK;
        }
        return new Color((float) clamp(a[0]), (float) clamp(a[1]), (float) clamp(a[2]));
    }

    private static Color cmyk(double[] a, int n) {
        if (n < 4) {
            return Color.BLACK;
        }
        double k = clamp(a[3]);
        return new Color((float) ((1 - clamp(a[0])) * (1 - k)), (float) ((1 - clamp(a[1])) * (1 - k)),
                (float) ((1 - clamp(a[2])) * (1 - k)));
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    private Space space(PDResources res, String name) throws IOException {
        if (name == null) {
            return Space.GRAY;
        }
        switch (name) {
            case "DeviceGray", "G", "CalGray" -> {
                return Space.GRAY;
            }
            case "DeviceRGB", "RGB", "CalRGB" -> {
                return Space.RGB;
            }
            case "DeviceCMYK", "CMYK" -> {
                return Space.CMYK;
            }
            case "Pattern" -> {
                return Space.PATTERN;
            }
            default -> {
                PDColorSpace cs = res == null ? null : res.getColorSpace(COSName.getPDFName(name));
                if (cs == null) {
                    throw new UnsupportedContentException("unknown colour space " + name);
                }
                if (cs instanceof PDPattern) {
                    return Space.PATTERN;
                }
                if (cs instanceof PDDeviceGray || cs instanceof PDCalGray) {
                    return Space.GRAY;
                }
                if (cs instanceof PDDeviceRGB || cs instanceof PDCalRGB) {
                    return Space.RGB;
                }
                if (cs instanceof PDDeviceCMYK) {
                    return Space.CMYK;
                }
                if (cs instanceof PDICCBased icc) {
                    return switch (icc.getNumberOfComponents()) {
                        case 1 -> Space.GRAY;
                        case 3 -> Space.RGB;
                        case 4 -> Space.CMYK;
                        default -> Space.OTHER;
                    };
                }
                return Space.OTHER;
            }
        }
    }

    private static Color initial(Space space, PDColorSpace pd) throws IOException {
        if (space == Space.OTHER && pd != null) {
            return other(pd, pd.getInitialColor().getComponents());
        }
        return Color.BLACK;
    }

    private static Color color(Space space, PDColorSpace pd, double[] a, int n, String name) throws IOException {
        switch (space) {
            case GRAY -> {
                return gray(a, n);
            }
            case RGB -> {
                return rgb(a, n);
            }
            case CMYK -> {
                return cmyk(a, n);
            }
            case PATTERN -> throw new UnsupportedContentException("pattern colour " + name);
            default -> {
                if (pd == null) {
                    throw new UnsupportedContentException("colour without colour space");
                }
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (float) a[i];
                }
                return other(pd, v);
            }
        }
    }

    /** Any other colour space (Indexed, Separation, DeviceN, Lab) through PDFBox's own conversion. */
    private static Color other(PDColorSpace pd, float[] components) throws IOException {
        float[] rgb = pd.toRGB(components);
        return new Color(clampF(rgb[0]), clampF(rgb[1]), clampF(rgb[2]));
    }

    private static float clampF(float v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    private void extGState(PDResources res, String name) throws IOException {
        if (res == null || name == null) {
            return;
        }
        // CAD plots set a graphics state before nearly every path: look each up once per resources
        Map<String, PDExtendedGraphicsState> known = extStates.computeIfAbsent(res, r -> new HashMap<>());
        PDExtendedGraphicsState gs = known.get(name);
        if (gs == null && !known.containsKey(name)) {
            gs = res.getExtGState(COSName.getPDFName(name));
            known.put(name, gs);
        }
        if (gs == null) {
            return;
        }
        COSDictionary d = gs.getCOSObject();
        if (d.containsKey(COSName.LW)) {
            state.lineWidth = gs.getLineWidth();
        }
        if (d.containsKey(COSName.LC)) {
            state.cap = gs.getLineCapStyle();
        }
        if (d.containsKey(COSName.LJ)) {
            state.join = gs.getLineJoinStyle();
        }
        if (d.containsKey(COSName.ML)) {
            state.miter = gs.getMiterLimit();
        }
        if (d.containsKey(COSName.D) && gs.getLineDashPattern() != null) {
            state.dash = gs.getLineDashPattern().getDashArray();
            state.dashPhase = gs.getLineDashPattern().getPhase();
        }
        if (d.containsKey(COSName.CA)) {
            state.strokeAlpha = gs.getStrokingAlphaConstant();
        }
        if (d.containsKey(COSName.CA_NS)) {
            state.fillAlpha = gs.getNonStrokingAlphaConstant();
        }
        COSBase bm = d.getDictionaryObject(COSName.BM);
        if (bm != null && !(bm instanceof COSName n && (n.equals(COSName.getPDFName("Normal"))
                || n.equals(COSName.getPDFName("Compatible"))))) {
            throw new UnsupportedContentException("blend mode " + bm);
        }
        COSBase smask = d.getDictionaryObject(COSName.SMASK);
        if (smask != null && !COSName.NONE.equals(smask)) {
            throw new UnsupportedContentException("soft mask");
        }
        if (d.containsKey(COSName.FONT)) {
            throw new UnsupportedContentException("font set in a graphics state");
        }
    }

    // ------------------------------------------------------------------------------------------ text

    private PDFont font(PDResources res, String name) throws IOException {
        if (res == null || name == null) {
            throw new UnsupportedContentException("no font resources");
        }
        PDFont font = res.getFont(COSName.getPDFName(name));
        if (font == null) {
            throw new UnsupportedContentException("missing font " + name);
        }
        if (font instanceof PDType3Font || font.isVertical() || !(font instanceof PDVectorFont)) {
            throw new UnsupportedContentException("font " + font.getName() + " of an unsupported kind");
        }
        return font;
    }

    private void moveText(double tx, double ty) {
        lineMatrix.translate(tx, ty);
        textMatrix = new AffineTransform(lineMatrix);
    }

    private void showText(byte[] string) throws IOException {
        State s = state;
        PDFont font = s.font;
        if (font == null) {
            throw new UnsupportedContentException("text without a font");
        }
        float fs = s.fontSize;
        float hs = s.hScale;
        boolean draw = s.renderMode != 3;
        InputStream in = new ByteArrayInputStream(string);
        while (in.available() > 0) {
            int before = in.available();
            int code = font.readCode(in);
            int codeLength = before - in.available();
            float wordSpacing = codeLength == 1 && code == 32 ? s.wordSpacing : 0;
            AffineTransform trm = new AffineTransform(s.ctm);
            trm.concatenate(textMatrix);
            trm.concatenate(new AffineTransform(fs * hs, 0, 0, fs, 0, s.rise));
            Vector w = font.getDisplacement(code);
            if (recorder != null) {
                recorder.glyph(new Matrix(trm), font, code, w, RENDERING_MODES[s.renderMode]);
            }
            if (g != null && draw) {
                drawGlyph(font, code, w, trm);
            }
            double tx = (w.getX() * fs + s.charSpacing + wordSpacing) * hs;
            textMatrix.translate(tx, 0);
        }
    }

    private static final RenderingMode[] RENDERING_MODES = RenderingMode.values();

    private void drawGlyph(PDFont font, int code, Vector displacement, AffineTransform trm) throws IOException {
        GeneralPath glyph = glyphs.computeIfAbsent(font, f -> new HashMap<>()).get(code);
        if (glyph == null) {
            glyph = ((PDVectorFont) font).getNormalizedPath(code);
            glyphs.get(font).put(code, glyph);
        }
        if (glyph == null) {
            return;
        }
        AffineTransform at = new AffineTransform(trm);
        at.concatenate(font.getFontMatrix().createAffineTransform());
        if (!font.isEmbedded() && !font.isStandard14() && font.hasExplicitWidth(code)) {
            float fontWidth = font.getWidthFromFont(code);
            if (displacement.getX() > 0 && fontWidth > 0
                    && Math.abs(fontWidth - displacement.getX() * 1000) > 0.0001) {
                at.scale(displacement.getX() * 1000 / fontWidth, 1);
            }
        }
        Shape shape = at.createTransformedShape(glyph);
        int mode = state.renderMode;
        if (mode == 0 || mode == 2) {
            applyClip();
            setPaint(state.fill, state.fillAlpha);
            g.fill(shape);
        }
        if (mode == 1 || mode == 2) {
            BasicStroke st = stroke();
            if (st != null) {
                applyClip();
                setPaint(state.stroke, state.strokeAlpha);
                g.setStroke(st);
                g.draw(shape);
            }
        }
    }

    // ---------------------------------------------------------------------------------------- objects

    private void xobject(PDResources res, String name) throws IOException {
        if (res == null || name == null) {
            return;
        }
        PDXObject x = res.getXObject(COSName.getPDFName(name));
        if (x instanceof PDFormXObject form) {
            form(form, res);
        } else if (x instanceof PDImageXObject image) {
            image(image);
        }
    }

    private void form(PDFormXObject form, PDResources parent) throws IOException {
        if (++depth > MAX_FORM_DEPTH) {
            throw new UnsupportedContentException("forms nested too deep");
        }
        try {
            if (form.getGroup() != null && (state.fillAlpha < 1 || state.strokeAlpha < 1)) {
                throw new UnsupportedContentException("transparency group drawn with alpha");
            }
            stack.push(state.copy());
            GeneralPath savedPath = path;
            AffineTransform savedText = textMatrix;
            AffineTransform savedLine = lineMatrix;
            path = new GeneralPath();
            state.ctm.concatenate(form.getMatrix().createAffineTransform());
            PDRectangle bbox = form.getBBox();
            if (bbox != null) {
                GeneralPath box = new GeneralPath(bbox.toGeneralPath());
                box.transform(state.ctm);
                state.clip = intersect(state.clip, box);
            }
            PDResources res = form.getResources() != null ? form.getResources() : parent;
            byte[] content;
            try (InputStream in = form.getContentStream().createInputStream()) {
                content = in.readAllBytes();
            }
            interpret(content, res);
            state = stack.pop();
            path = savedPath;
            textMatrix = savedText;
            lineMatrix = savedLine;
        } finally {
            depth--;
        }
    }

    private void image(PDImageXObject image) throws IOException {
        if (recorder != null) {
            recorder.image(new Matrix(state.ctm), image.getWidth(), image.getHeight());
        }
        if (g == null) {
            return;
        }
        if (image.isStencil()) {
            throw new UnsupportedContentException("stencil mask image");
        }
        BufferedImage img = image.getImage();
        AffineTransform at = new AffineTransform(state.ctm);
        at.scale(1.0 / img.getWidth(), -1.0 / img.getHeight());
        at.translate(0, -img.getHeight());
        applyClip();
        setPaint(Color.BLACK, state.fillAlpha);
        g.drawImage(img, at, null);
    }

    // ------------------------------------------------------------------------------------------ state

    /** The graphics state: what q saves and Q restores. */
    private static final class State {
        AffineTransform ctm = new AffineTransform();
        float lineWidth = 1;
        int cap;
        int join;
        float miter = 10;
        float[] dash;
        float dashPhase;
        Color stroke = Color.BLACK;
        Color fill = Color.BLACK;
        Space strokeSpace = Space.GRAY;
        Space fillSpace = Space.GRAY;
        PDColorSpace strokePd;
        PDColorSpace fillPd;
        float strokeAlpha = 1;
        float fillAlpha = 1;
        Shape clip;
        PDFont font;
        float fontSize;
        float charSpacing;
        float wordSpacing;
        float hScale = 1;
        float leading;
        float rise;
        int renderMode;

        State copy() {
            State c = new State();
            c.ctm = new AffineTransform(ctm);
            c.lineWidth = lineWidth;
            c.cap = cap;
            c.join = join;
            c.miter = miter;
            c.dash = dash;
            c.dashPhase = dashPhase;
            c.stroke = stroke;
            c.fill = fill;
            c.strokeSpace = strokeSpace;
            c.fillSpace = fillSpace;
            c.strokePd = strokePd;
            c.fillPd = fillPd;
            c.strokeAlpha = strokeAlpha;
            c.fillAlpha = fillAlpha;
            c.clip = clip;
            c.font = font;
            c.fontSize = fontSize;
            c.charSpacing = charSpacing;
            c.wordSpacing = wordSpacing;
            c.hScale = hScale;
            c.leading = leading;
            c.rise = rise;
            c.renderMode = renderMode;
            return c;
        }

        boolean sameStroke(State o) {
            return cap == o.cap && join == o.join && miter == o.miter && dashPhase == o.dashPhase
                    && java.util.Arrays.equals(dash, o.dash);
        }
    }
}
