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
import com.buildtrace.sheets.SheetId;
import com.buildtrace.sheets.SheetPairing;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    /** Regions closer than this merge into one, in points. */
    static final double MERGE_GAP_PT = 6;

    /** Longest side of the preview image. */
    static final int PREVIEW_MAX_PX = 2400;

    /** Longest side of the thumbnail. */
    static final int THUMBNAIL_MAX_PX = 360;

    private final SheetOpener opener;

    private final ExecutorService helpers;

    private final BufferPool buffers;

    private final CompareOptions options;

    private final PageAligner aligner = new AutoAligner();

    private final TextDiffer textDiffer = new TextDiffer();

    SheetPairComparator(SheetOpener opener, ExecutorService helpers, BufferPool buffers, CompareOptions options) {
        this.opener = opener;
        this.helpers = helpers;
        this.buffers = buffers;
        this.options = options;
    }

    /**
     * @param outDir the comparison's output folder
     * @param sheetDir folder for this pair's images, relative to outDir
     */
    PageComparison compare(SheetSource oldSource, SheetSource newSource, SheetId oldId, SheetId newId,
                           SheetPairing.By pairedBy, Path outDir, String sheetDir) {
        long t0 = System.nanoTime();
        double[] oldSize = {oldSource.widthPt(), oldSource.heightPt()};
        double[] newSize = {newSource.widthPt(), newSource.heightPt()};
        try (OpenSheet oldSheet = opener.open(oldSource, options.dpi());
             OpenSheet newSheet = opener.open(newSource, options.dpi())) {
            Alignment alignment = aligner.align(input(oldSheet), input(newSheet));
            AffineTransform t = alignment.aligned() ? alignment.transform() : new AffineTransform();
            boolean raster = oldSheet.isRaster() || newSheet.isRaster();
            double dpi = workingDpi(oldSheet, newSheet);
            Path dir = outDir.resolve(sheetDir);
            Files.createDirectories(dir);
            Detection detection = detect(oldSheet, newSheet, t, dpi, raster, dir, sheetDir);
            List<TextChange> text = raster ? List.of()
                    : textDiffer.diff(moved(oldSheet.content().words(), t), newSheet.content().words());
            text = link(text, detection.regions);
            boolean changed = !detection.regions.isEmpty() || !text.isEmpty();
            double area = detection.regions.stream().mapToDouble(ChangeRegion::changedAreaPt2).sum();
            return new PageComparison(oldId, newId, changed ? PageStatus.CHANGED : PageStatus.UNCHANGED, pairedBy,
                    oldSize, newSize, alignment, detection.regions, text, detection.images, dpi, area, null,
                    millisSince(t0));
        } catch (DrawingInputException e) {
            return failed(oldId, newId, pairedBy, oldSize, newSize, e.getMessage(), outDir, sheetDir, t0);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            String reason = "comparing " + oldSource.describe() + " with " + newSource.describe() + " failed ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
            return failed(oldId, newId, pairedBy, oldSize, newSize, reason, outDir, sheetDir, t0);
        } finally {
            opener.forget(oldSource);
            opener.forget(newSource);
        }
    }

    private static AlignmentInput input(OpenSheet sheet) {
        return new AlignmentInput(sheet.source().widthPt(), sheet.source().heightPt(), sheet.content(),
                sheet::preview);
    }

    /** Vector sheets at the requested dpi; scans no finer than they were scanned. */
    private double workingDpi(OpenSheet oldSheet, OpenSheet newSheet) {
        double dpi = options.dpi();
        double native0 = Math.max(oldSheet.imageDpi(), newSheet.imageDpi());
        boolean bothImages = oldSheet.imageDpi() > 0 && newSheet.imageDpi() > 0;
        return bothImages ? Math.min(dpi, native0) : dpi;
    }

    static DiffSettings settings(double dpi, boolean raster) {
        int cell = DiffSettings.cellFor(dpi);
        if (raster) {
            // scans: blur, noise and each revision's own skew; light areas are noise, not content
            return new DiffSettings(Math.max(1, (int) Math.round(dpi / 100)), 190, 0, cell, true);
        }
        return new DiffSettings(1, 160, 250, cell, false);
    }

    static long minPixels(double dpi, boolean raster) {
        double pxPerPt2 = (dpi / 72) * (dpi / 72);
        return raster ? (long) Math.ceil(6.0 * pxPerPt2) : Math.max(2, (long) Math.ceil(0.6 * pxPerPt2));
    }

    private record Detection(List<ChangeRegion> regions, SheetImages images) {
    }

    private Detection detect(OpenSheet oldSheet, OpenSheet newSheet, AffineTransform t, double dpi, boolean raster,
                             Path dir, String sheetDir) throws IOException {
        double wPt = newSheet.source().widthPt();
        double hPt = newSheet.source().heightPt();
        int width = (int) Math.ceil(wPt * dpi / 72 - 1e-6);
        int height = (int) Math.ceil(hPt * dpi / 72 - 1e-6);
        DiffSettings settings = settings(dpi, raster);
        BandDiffer differ = new BandDiffer(settings);
        ChangeCells cells = new ChangeCells(settings.cellPx());
        int margin = settings.tolerancePx();
        int cell = settings.cellPx();
        long budget = options.bandMegapixels() * 1_000_000L;
        int bandRows = (int) Math.min(height + cell, Math.max(16L * cell, budget / width / cell * cell));
        int capacity = width * (bandRows + 2 * margin);
        byte[] oldBuf = buffers.take(capacity);
        byte[] newBuf = buffers.take(capacity);
        boolean full = options.fullImages();
        try (OverlayRenderer overlay = new OverlayRenderer(full ? dir.resolve("overlay.png") : null, width, height,
                dpi, PREVIEW_MAX_PX);
             GrayPngSink oldPng = full ? new GrayPngSink(dir.resolve("old.png"), width, height, dpi) : null;
             GrayPngSink newPng = full ? new GrayPngSink(dir.resolve("new.png"), width, height, dpi) : null) {
            for (int y0 = 0; y0 < height; y0 += bandRows) {
                int core = Math.min(bandRows, height - y0);
                int top = Math.min(margin, y0);
                int bottom = Math.min(margin, height - y0 - core);
                int rows = top + core + bottom;
                GrayBand oldBand = new GrayBand(oldBuf, width, y0 - top, rows);
                GrayBand newBand = new GrayBand(newBuf, width, y0 - top, rows);
                Future<?> oldDone = helpers.submit(() -> {
                    oldSheet.rasterizer().rasterize(t, dpi, oldBand, false);
                    write(oldPng, oldBand, top, core);
                });
                newSheet.rasterizer().rasterize(new AffineTransform(), dpi, newBand, false);
                write(newPng, newBand, top, core);
                await(oldDone);
                BandDiff diff = differ.diff(oldBand, newBand, top, core);
                cells.accumulate(diff);
                overlay.render(diff);
            }
            overlay.finish(dir.resolve("preview.png"), dir.resolve("thumbnail.png"), THUMBNAIL_MAX_PX, dpi);
            List<ChangeRegion> regions = new RegionBuilder(dpi, minPixels(dpi, raster), MERGE_GAP_PT)
                    .build(cells, wPt, hPt);
            SheetImages images = new SheetImages(full ? sheetDir + "/overlay.png" : null,
                    full ? sheetDir + "/old.png" : null, full ? sheetDir + "/new.png" : null,
                    sheetDir + "/preview.png", sheetDir + "/thumbnail.png", width, height, dpi,
                    overlay.previewWidth(), overlay.previewHeight());
            return new Detection(regions, images);
        } finally {
            buffers.give(oldBuf);
            buffers.give(newBuf);
        }
    }

    private static void write(GrayPngSink sink, GrayBand band, int skip, int rows) {
        if (sink == null) {
            return;
        }
        try {
            sink.write(band, skip, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(Future<?> f) throws IOException {
        try {
            f.get();
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

    /** Links each text change to the region that overlaps it most. */
    static List<TextChange> link(List<TextChange> changes, List<ChangeRegion> regions) {
        List<TextChange> out = new ArrayList<>(changes.size());
        for (TextChange c : changes) {
            Box grown = c.box().grow(2);
            ChangeRegion best = regions.stream()
                    .filter(r -> r.box().intersects(grown))
                    .max(Comparator.comparingDouble(r -> r.box().grow(2).overlapArea(grown)))
                    .orElse(null);
            out.add(best == null ? c : c.withRegion(best.id()));
        }
        return out;
    }

    private static PageComparison failed(SheetId oldId, SheetId newId, SheetPairing.By by, double[] oldSize,
                                         double[] newSize, String reason, Path outDir, String sheetDir, long t0) {
        deleteQuietly(outDir.resolve(sheetDir));
        return new PageComparison(oldId, newId, PageStatus.FAILED, by, oldSize, newSize, null, List.of(), List.of(),
                null, 0, 0, reason, millisSince(t0));
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
