package com.buildtrace.summary;

import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.PageStatus;
import com.buildtrace.compare.diff.ChangeKind;
import com.buildtrace.compare.diff.ChangeRegion;
import com.buildtrace.compare.geom.Box;
import com.buildtrace.compare.overlay.OverlayRenderer;
import com.buildtrace.compare.overlay.SheetImages;
import com.buildtrace.compare.text.TextChange;
import com.buildtrace.sheets.SheetId;
import com.buildtrace.sheets.SheetPairing;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Sheet results for summary tests, made in code: a tabloid sheet (1224 x 792 pt) compared at 150 dpi whose
 * storage-room dimension changed (r1, 16'-8" to 17'-0"), whose note 2 was removed (r2) and which gained line
 * work at its east end (r3, the largest region), with its overlay and preview written as the engine writes
 * them (palette PNG: paper, light ink, dark ink, removed red, added blue).
 */
final class SummaryFixtures {

    static final double[] TABLOID = {1224, 792};

    static final double DPI = 150;

    static final int WIDTH = 2550;

    static final int HEIGHT = 1650;

    static final Box R1 = new Box(440, 150, 320, 40);

    static final Box R2 = new Box(158, 565, 200, 14);

    static final Box R3 = new Box(790, 210, 100, 250);

    private SummaryFixtures() {
    }

    /** The changed sheet, its images written under {@code out}. */
    static PageComparison changed(Path out, String number, int page) throws IOException {
        String dir = String.format("sheets/sheet-%03d-%s", page + 1, number);
        Files.createDirectories(out.resolve(dir));
        writeOverlay(out.resolve(dir + "/overlay.png"), 1);
        writeOverlay(out.resolve(dir + "/preview.png"), 2);
        List<ChangeRegion> regions = List.of(new ChangeRegion("r1", R1, ChangeKind.MODIFIED, 900, 880, 900),
                new ChangeRegion("r2", R2, ChangeKind.REMOVED, 0, 1500, 400),
                new ChangeRegion("r3", R3, ChangeKind.ADDED, 5600, 0, 2600));
        List<TextChange> texts = List.of(
                new TextChange(TextChange.Kind.REPLACED, "16'-8\"", "17'-0\"", new Box(580, 160, 40, 12), "r1"),
                new TextChange(TextChange.Kind.REMOVED, "2. PATCH AND PAINT EXISTING WALLS.", null, R2, "r2"));
        SheetImages images = new SheetImages(dir + "/overlay.png", null, null, dir + "/preview.png", null, WIDTH,
                HEIGHT, DPI, WIDTH / 2, HEIGHT / 2);
        return new PageComparison(sheet(number, page), sheet(number, page), PageStatus.CHANGED,
                SheetPairing.By.NUMBER, TABLOID, TABLOID, null, regions, texts, images, DPI, 3900, null, 1200,
                Map.of());
    }

    static PageComparison unchanged(String number, int page) {
        return new PageComparison(sheet(number, page), sheet(number, page), PageStatus.UNCHANGED,
                SheetPairing.By.NUMBER, TABLOID, TABLOID, null, List.of(), List.of(), null, DPI, 0, null, 900,
                Map.of());
    }

    static PageComparison added(String number, int page) {
        return new PageComparison(null, sheet(number, page), PageStatus.ADDED, null, null, TABLOID, null, List.of(),
                List.of(), null, 0, 0, null, 10, Map.of());
    }

    private static SheetId sheet(String number, int page) {
        return new SheetId(number, "FLOOR PLAN", page, SheetId.Source.TEXT, 1);
    }

    /** The overlay at 150 dpi reduced by {@code factor}: grey walls, the three regions in red and blue. */
    private static void writeOverlay(Path file, int factor) throws IOException {
        int[] palette = OverlayRenderer.PALETTE;
        byte[] r = new byte[palette.length];
        byte[] g = new byte[palette.length];
        byte[] b = new byte[palette.length];
        for (int i = 0; i < palette.length; i++) {
            r[i] = (byte) (palette[i] >> 16);
            g[i] = (byte) (palette[i] >> 8);
            b[i] = (byte) palette[i];
        }
        BufferedImage img = new BufferedImage(WIDTH / factor, HEIGHT / factor, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, palette.length, r, g, b));
        Graphics2D gr = img.createGraphics();
        double s = DPI / 72 / factor;
        gr.setColor(Color.WHITE);
        gr.fillRect(0, 0, img.getWidth(), img.getHeight());
        gr.setColor(new Color(palette[OverlayRenderer.DARK]));
        gr.setStroke(new BasicStroke(2));
        gr.drawRect((int) (72 * s), (int) (72 * s), (int) (900 * s), (int) (648 * s));
        gr.drawRect((int) (150 * s), (int) (200 * s), (int) (600 * s), (int) (300 * s));
        gr.setColor(new Color(palette[OverlayRenderer.REMOVED]));
        fill(gr, R2, s);
        gr.drawLine((int) (R1.x() * s), (int) ((R1.y() + 10) * s), (int) (R1.right() * s), (int) ((R1.y() + 10) * s));
        gr.setColor(new Color(palette[OverlayRenderer.ADDED]));
        gr.drawLine((int) (R1.x() * s), (int) ((R1.y() + 30) * s), (int) (R1.right() * s), (int) ((R1.y() + 30) * s));
        for (int y = (int) R3.y(); y < R3.bottom(); y += 20) {
            gr.drawLine((int) (R3.x() * s), (int) (y * s), (int) (R3.right() * s), (int) (y * s));
        }
        gr.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    private static void fill(Graphics2D gr, Box box, double s) {
        gr.fillRect((int) (box.x() * s), (int) (box.y() * s), (int) (box.width() * s), (int) (box.height() * s));
    }
}
