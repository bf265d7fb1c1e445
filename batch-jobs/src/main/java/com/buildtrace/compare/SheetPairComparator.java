package com.buildtrace.compare;

import com.buildtrace.compare.align.Alignment;
import com.buildtrace.compare.align.AlignmentInput;
import com.buildtrace.compare.align.AutoAligner;
import com.buildtrace.compare.align.PageAligner;
import com.buildtrace.compare.content.Word;
import com.buildtrace.compare.diff.BandDiff;
import com.buildtrace.compare.diff.BandDiffer;
import com.buildtrace.compare.diff.ChangeCells;
import com.buildtrace.compare.diff.ChangeRegion;
import com.buildtrace.compare.diff.DiffSettings;
import com.buildtrace.compare.diff.InkMasks;
import com.buildtrace.compare.diff.RegionBuilder;
import com.buildtrace.compare.geom.Box;
import com.buildtrace.compare.overlay.GrayPngSink;
import com.buildtrace.compare.overlay.OverlayRenderer;
import com.buildtrace.compare.overlay.SheetImages;
import com.buildtrace.compare.raster.BufferPool;
import com.buildtrace.compare.raster.GrayBand;
import com.buildtrace.compare.source.DrawingInputException;
import com.buildtrace.compare.source.SheetSource;
import com.buildtrace.compare.text.TextChange;
import com.buildtrace.compare.text.TextDiffer;
import com.buildtrace.compare.tiles.TileArchive;
import com.buildtrace.compare.tiles.TileFormat;
import com.buildtrace.compare.tiles.TileGrid;
import com.buildtrace.compare.tiles.TilePyramidWriter;
import com.buildtrace.sheets.SheetId;
import com.buildtrace.sheets.SheetIdentifier;
import com.buildtrace.sheets.SheetPairing;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Compares one pair of sheets: align the old onto the new, render both into the new sheet's frame band by
 * band (the old one through the alignment, the two in parallel), diff each band, paint the overlay, group the
 * changed pixels into regions, and diff the text layers. A sheet that cannot be read fails its pair only.
 */
final class SheetPairComparator {

    /** Width of the strip along the sheet edges where a moved sheet's clipping is not a change, in points. */
    static final double EDGE_PT = 3;

    /** Scans are compared at up to this resolution even when less was asked for. */
    static final double SCAN_DPI = 200;

    /** Regions closer than this merge into one, in points. */
    static final double MERGE_GAP_PT = 6;

    /** Longest side of the preview image. */
    static final int PREVIEW_MAX_PX = 2400;

    /** Largest diff tolerance any setting uses, in pixels: the margin rows a band needs. */
    static final int MAX_TOLERANCE = 16;

    /** Longest side of the thumbnail. */
    static final int THUMBNAIL_MAX_PX = 360;

    private final SheetOpener opener;

    private final ExecutorService helpers;

    private final BufferPool buffers;

    private final CompareOptions options;

    private final PageAligner aligner = new AutoAligner();

    private final TextDiffer textDiffer = new TextDiffer();

    private final SheetIdentifier identifier = new SheetIdentifier();

    SheetPairComparator(SheetOpener opener, ExecutorService helpers, BufferPool buffers, CompareOptions options) {
        this.opener = opener;
        this.helpers = helpers;
        this.buffers = buffers;
        this.options = options;
    }

    /**
     * @param oldId identity of the old sheet, or null to read it from the sheet while comparing
     * @param newId identity of the new sheet, or null likewise
     * @param outDir the comparison's output folder
     * @param sheetDir folder for this pair's images, relative to outDir
     */
    PageComparison compare(SheetSource oldSource, SheetSource newSource, SheetId oldId, SheetId newId,
                           SheetPairing.By pairedBy, Path outDir, String sheetDir) {
        long t0 = System.nanoTime();
        StageTimes times = new StageTimes();
        double[] oldSize = {oldSource.widthPt(), oldSource.heightPt()};
        double[] newSize = {newSource.widthPt(), newSource.heightPt()};
        SheetId oldKnown = oldId != null ? oldId : SheetId.ofPage(oldSource.pageIndex());
        SheetId newKnown = newId != null ? newId : SheetId.ofPage(newSource.pageIndex());
        double decodeDpi = Math.max(options.dpi(), SCAN_DPI);
        try (OpenSheet oldSheet = opener.open(oldSource, decodeDpi);
             OpenSheet newSheet = opener.open(newSource, decodeDpi)) {
            times.lap("open", t0);
            double dpi = workingDpi(oldSheet, newSheet);
            Path dir = outDir.resolve(sheetDir);
            Files.createDirectories(dir);
            Detection detection = detect(oldSheet, newSheet, dpi, dir, sheetDir, times);
            long t = System.nanoTime();
            oldKnown = oldId != null ? oldId : identify(oldSheet);
            newKnown = newId != null ? newId : identify(newSheet);
            SheetImages images = detection.images;
            if (newId == null && newKnown.number() != null) {
                // identified only now: the image folder takes the sheet number it was not yet known by
                images = rename(outDir, sheetDir, ComparisonEngine.sheetDir("sheet", newSource.pageIndex(), newKnown),
                        images);
            }
            AffineTransform toNew = detection.alignment.aligned() ? detection.alignment.transform() : new AffineTransform();
            List<TextChange> text = detection.raster ? List.of()
                    : textDiffer.diff(moved(oldSheet.content().words(), toNew), newSheet.content().words());
            TextRegions.Linked linked = TextRegions.reconcile(detection.regions, text);
            times.lap("text", t);
            boolean changed = !linked.regions().isEmpty() || !linked.textChanges().isEmpty();
            double area = linked.regions().stream().mapToDouble(ChangeRegion::changedAreaPt2).sum();
            return new PageComparison(oldKnown, newKnown, changed ? PageStatus.CHANGED : PageStatus.UNCHANGED,
                    pairedBy, oldSize, newSize, detection.alignment, linked.regions(), linked.textChanges(),
                    images, dpi, area, null, millisSince(t0), times.millis());
        } catch (DrawingInputException e) {
            return failed(oldKnown, newKnown, pairedBy, oldSize, newSize, e.getMessage(), outDir, sheetDir, t0);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            String reason = "comparing " + oldSource.describe() + " with " + newSource.describe() + " failed ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
            return failed(oldKnown, newKnown, pairedBy, oldSize, newSize, reason, outDir, sheetDir, t0);
        } finally {
            opener.forget(oldSource);
            opener.forget(newSource);
        }
    }

    private SheetId identify(OpenSheet sheet) {
        SheetSource s = sheet.source();
        return identifier.identify(sheet.content(), s.widthPt(), s.heightPt(), s.pageIndex());
    }

    private static SheetImages rename(Path outDir, String from, String to, SheetImages images) throws IOException {
        if (from.equals(to) || Files.exists(outDir.resolve(to))) {
            return images;
        }
        Files.move(outDir.resolve(from), outDir.resolve(to));
        java.util.function.UnaryOperator<String> moved = p -> p == null ? null : to + p.substring(from.length());
        return new SheetImages(moved.apply(images.overlay()), moved.apply(images.oldImage()),
                moved.apply(images.newImage()), moved.apply(images.preview()), moved.apply(images.thumbnail()),
                images.width(), images.height(), images.dpi(), images.previewWidth(), images.previewHeight());
    }

    private static AlignmentInput input(OpenSheet sheet) {
        return new AlignmentInput(sheet.source().widthPt(), sheet.source().heightPt(), sheet.content(),
                sheet::preview);
    }

    /**
     * Vector sheets at the requested dpi. Scans at the resolution they were scanned at, up to the requested
     * dpi or SCAN_DPI, whichever is higher: a scan's small text needs all the pixels it has.
     */
    private double workingDpi(OpenSheet oldSheet, OpenSheet newSheet) {
        double dpi = options.dpi();
        if (!(likelyScan(oldSheet) && likelyScan(newSheet))) {
            return dpi;
        }
        double native0 = Math.max(oldSheet.imageDpi(), newSheet.imageDpi());
        return native0 > 0 ? Math.min(Math.max(dpi, SCAN_DPI), native0) : dpi;
    }

    /** An image file, or a PDF page that is one scanned image (read now: it is tiny). */
    private static boolean likelyScan(OpenSheet sheet) {
        if (!sheet.isPdf()) {
            return true;
        }
        return (sheet.hasContent() || sheet.cheapToRead()) && sheet.isRaster();
    }

    /**
     * @param moved the old sheet is drawn through a non-identity alignment (re-plot or scan): rasterising
     *     the same line at another sub-pixel position flips a pixel here and there, so changes must stand
     *     clear of the other sheet's ink by one more pixel to count
     */
    static DiffSettings settings(double dpi, boolean raster, boolean moved) {
        int cell = DiffSettings.cellFor(dpi);
        if (raster) {
            // scans: blur, noise and each revision's own skew; light areas are noise, not content
            int r = Math.max(1, (int) Math.round(dpi / 200));
            return new DiffSettings(r, 215, 0, cell, true, r + 1);
        }
        return new DiffSettings(1, 160, 250, cell, false, moved ? 2 : 1);
    }

    /**
     * The fewest changed pixels a change is made of: 0.6 square points on sheets that coincide (anything
     * more is real), 2 on a re-plotted vector sheet (rotated rasterisation leaves a few stray pixels), 6 on
     * scans (speckle and blur).
     */
    static long minPixels(double dpi, boolean raster, boolean moved) {
        double pxPerPt2 = (dpi / 72) * (dpi / 72);
        double pt2 = raster ? 6.0 : moved ? 2.0 : 0.6;
        return Math.max(2, (long) Math.ceil(pt2 * pxPerPt2));
    }

    private record Detection(Alignment alignment, boolean raster, List<ChangeRegion> regions, SheetImages images) {
    }

    /**
     * Aligns, renders both sheets band by band into the new sheet's frame, diffs, and paints the overlay. When
     * the sheet fits one band and its content is not known yet, both sheets are first rendered unmoved while
     * their content is recorded (one pass over each content stream); the old sheet is rendered again through
     * the alignment only if it turns out to be re-plotted.
     */
    private Detection detect(OpenSheet oldSheet, OpenSheet newSheet, double dpi, Path dir, String sheetDir,
                             StageTimes times) throws IOException {
        double wPt = newSheet.source().widthPt();
        double hPt = newSheet.source().heightPt();
        int width = (int) Math.ceil(wPt * dpi / 72 - 1e-6);
        int height = (int) Math.ceil(hPt * dpi / 72 - 1e-6);
        int cell = DiffSettings.cellFor(dpi);
        long budget = options.bandMegapixels() * 1_000_000L;
        int bandRows = (int) Math.min(height + cell, Math.max(16L * cell, budget / width / cell * cell));
        boolean oneBand = bandRows >= height;
        int capacity = width * (oneBand ? height : bandRows + 2 * MAX_TOLERANCE);
        byte[] oldBuf = buffers.take(capacity);
        byte[] newBuf = buffers.take(capacity);
        try {
            long t = System.nanoTime();
            boolean rendered = false;
            if (oneBand && !(oldSheet.hasContent() && newSheet.hasContent())) {
                renderPair(oldSheet, newSheet, new AffineTransform(), dpi, new GrayBand(oldBuf, width, 0, height),
                        new GrayBand(newBuf, width, 0, height), true, times);
                rendered = true;
                t = times.lap("render (wall)", t);
            }
            Alignment alignment = aligner.align(input(oldSheet), input(newSheet));
            AffineTransform toNew = alignment.aligned() ? alignment.transform() : new AffineTransform();
            t = times.lap("align", t);
            if (rendered && !toNew.isIdentity()) {
                long s0 = System.nanoTime();
                oldSheet.render(toNew, dpi, new GrayBand(oldBuf, width, 0, height), false);
                times.add("render old", System.nanoTime() - s0);
                times.lap("render (wall)", t);
            }
            boolean raster = oldSheet.isRaster() || newSheet.isRaster();
            DiffSettings settings = settings(dpi, raster, !toNew.isIdentity());
            boolean full = options.fullImages();
            boolean tiles = full && options.tilePyramids();
            BandDiffer differ = new BandDiffer(settings);
            ChangeCells cells = new ChangeCells(settings.cellPx());
            int margin = settings.tolerancePx();
            // the full-size images' tile pyramids are cut from the same rows as they are written
            TileGrid grid = TileGrid.of(width, height);
            TilePyramidWriter overlayTiles = tiles ? pyramid(dir, "overlay", grid, TileFormat.overlay()) : null;
            TilePyramidWriter oldTiles = tiles ? pyramid(dir, "old", grid, TileFormat.gray()) : null;
            TilePyramidWriter newTiles = tiles ? pyramid(dir, "new", grid, TileFormat.gray()) : null;
            try (OverlayRenderer overlay = new OverlayRenderer(full ? dir.resolve("overlay.png") : null, width,
                    height, dpi, PREVIEW_MAX_PX, helpers, overlayTiles);
                 GrayPngSink oldPng = full ? new GrayPngSink(dir.resolve("old.png"), width, height, dpi, oldTiles) : null;
                 GrayPngSink newPng = full ? new GrayPngSink(dir.resolve("new.png"), width, height, dpi, newTiles) : null) {
                for (int y0 = 0; y0 < height; y0 += bandRows) {
                    int core = Math.min(bandRows, height - y0);
                    int top = Math.min(margin, y0);
                    int bottom = Math.min(margin, height - y0 - core);
                    GrayBand oldBand = new GrayBand(oldBuf, width, y0 - top, top + core + bottom);
                    GrayBand newBand = new GrayBand(newBuf, width, y0 - top, top + core + bottom);
                    if (!rendered) {
                        long start = System.nanoTime();
                        renderPair(oldSheet, newSheet, toNew, dpi, oldBand, newBand, false, times);
                        times.lap("render (wall)", start);
                    }
                    long lap = System.nanoTime();
                    Future<InkMasks> oldInkDone = helpers.submit(() -> differ.ink(oldBand));
                    InkMasks newInk = differ.ink(newBand);
                    InkMasks oldInk = get(oldInkDone);
                    lap = times.lap("ink", lap);
                    // the images are encoded while the bands are diffed; both only read the pixels
                    List<Future<?>> images = full ? List.of(
                            helpers.submit(() -> write(oldPng, oldBand, top, core, times)),
                            helpers.submit(() -> write(newPng, newBand, top, core, times))) : List.of();
                    BandDiff diff = differ.diff(oldInk, newInk, oldBand, newBand, oldBand.y0(), top, core);
                    cells.accumulate(diff);
                    lap = times.lap("diff", lap);
                    overlay.render(diff);
                    lap = times.lap("overlay", lap);
                    for (Future<?> f : images) {
                        await(f);
                    }
                    times.lap("png wait", lap);
                }
                long lap = System.nanoTime();
                overlay.finish(dir.resolve("preview.png"), dir.resolve("thumbnail.png"), THUMBNAIL_MAX_PX, dpi);
                lap = times.lap("overlay", lap);
                if (full) {
                    oldPng.close();
                    newPng.close();
                }
                if (tiles) {
                    times.add("tiles", overlayTiles.nanos() + oldTiles.nanos() + newTiles.nanos());
                }
                long minPixels = minPixels(dpi, raster, !toNew.isIdentity());
                List<ChangeRegion> regions = new RegionBuilder(dpi, minPixels,
                        settings.hysteresis() ? Math.max(1, minPixels / 2) : 0, MERGE_GAP_PT)
                        .build(cells, wPt, hPt, comparedArea(toNew, oldSheet.source(), wPt, hPt));
                times.lap("regions", lap);
                SheetImages images = new SheetImages(full ? sheetDir + "/overlay.png" : null,
                        full ? sheetDir + "/old.png" : null, full ? sheetDir + "/new.png" : null,
                        sheetDir + "/preview.png", sheetDir + "/thumbnail.png", width, height, dpi,
                        overlay.previewWidth(), overlay.previewHeight());
                return new Detection(alignment, raster, regions, images);
            }
        } finally {
            buffers.give(oldBuf);
            buffers.give(newBuf);
        }
    }

    /** The tile pyramid of one full-size image, next to it ({@code overlay.png}: {@code overlay.tiles}). */
    private static TilePyramidWriter pyramid(Path dir, String image, TileGrid grid, TileFormat format)
            throws IOException {
        return new TilePyramidWriter(dir.resolve(image + TileArchive.EXTENSION), grid, format);
    }

    /**
     * Where a change on the new sheet is a change of the drawing. When the old sheet was moved, marks drawn
     * on either sheet's trim line (borders, crop marks) are clipped differently by the two sheet edges; a
     * strip along the new sheet's edges and along the old sheet's moved edges is left out.
     */
    static RegionBuilder.ComparedArea comparedArea(AffineTransform toNew, SheetSource old, double wPt, double hPt) {
        if (toNew.isIdentity()) {
            return RegionBuilder.ComparedArea.EVERYWHERE;
        }
        AffineTransform back = com.buildtrace.compare.geom.Transforms.inverse(toNew);
        double scale = com.buildtrace.compare.geom.Transforms.scale(toNew);
        double ow = old.widthPt();
        double oh = old.heightPt();
        return (x, y) -> {
            if (x < EDGE_PT || y < EDGE_PT || x > wPt - EDGE_PT || y > hPt - EDGE_PT) {
                return false;
            }
            java.awt.geom.Point2D p = back.transform(new java.awt.geom.Point2D.Double(x, y), null);
            double fromOldEdge = Math.min(Math.min(p.getX(), ow - p.getX()), Math.min(p.getY(), oh - p.getY()));
            return Math.abs(fromOldEdge) * scale >= EDGE_PT;
        };
    }

    /** Renders the two sheets at once, the old one on a helper thread. */
    private void renderPair(OpenSheet oldSheet, OpenSheet newSheet, AffineTransform toNew, double dpi,
                            GrayBand oldBand, GrayBand newBand, boolean record, StageTimes times) throws IOException {
        Future<?> oldDone = helpers.submit(() -> {
            long s0 = System.nanoTime();
            oldSheet.render(toNew, dpi, oldBand, record);
            times.add("render old", System.nanoTime() - s0);
        });
        long s1 = System.nanoTime();
        try {
            newSheet.render(new AffineTransform(), dpi, newBand, record);
        } finally {
            times.add("render new", System.nanoTime() - s1);
            await(oldDone);
        }
        if (oldSheet.isPdf() && newSheet.isPdf() && oldSheet.drawnFast() != newSheet.drawnFast()) {
            // one page needed PDFBox's renderer: draw the other with it too, or the renderers' small
            // differences would show as change everywhere
            OpenSheet fast = oldSheet.drawnFast() ? oldSheet : newSheet;
            fast.drawWithPdfBoxOnly();
            long s2 = System.nanoTime();
            fast.render(fast == oldSheet ? toNew : new AffineTransform(), dpi, fast == oldSheet ? oldBand : newBand,
                    false);
            times.add("render again", System.nanoTime() - s2);
        }
    }

    private static void write(GrayPngSink sink, GrayBand band, int skip, int rows, StageTimes times) {
        if (sink == null) {
            return;
        }
        long start = System.nanoTime();
        try {
            sink.write(band, skip, rows);
            times.add("png", System.nanoTime() - start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(Future<?> f) throws IOException {
        get(f);
    }

    private static <T> T get(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(c);
        }
    }

    private static List<Word> moved(List<Word> words, AffineTransform t) {
        if (t.isIdentity()) {
            return words;
        }
        List<Word> out = new ArrayList<>(words.size());
        for (Word w : words) {
            out.add(w.transformed(t));
        }
        return out;
    }

    private static PageComparison failed(SheetId oldId, SheetId newId, SheetPairing.By by, double[] oldSize,
                                         double[] newSize, String reason, Path outDir, String sheetDir, long t0) {
        deleteQuietly(outDir.resolve(sheetDir));
        return new PageComparison(oldId, newId, PageStatus.FAILED, by, oldSize, newSize, null, List.of(), List.of(),
                null, 0, 0, reason, millisSince(t0), Map.of());
    }

    static void deleteQuietly(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a leftover partial image does no harm
                }
            });
        } catch (IOException e) {
            // as above
        }
    }

    static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
