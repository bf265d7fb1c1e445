package com.buildtrace.compare;

import com.buildtrace.compare.clouds.CloudAudit;
import com.buildtrace.compare.clouds.CloudAuditor;
import com.buildtrace.compare.clouds.RevisionMarkReader;
import com.buildtrace.compare.clouds.MarkedSheet;
import com.buildtrace.compare.clouds.RevisionCloud;
import com.buildtrace.compare.content.PageContent;
import com.buildtrace.compare.overlay.OverlayRenderer;
import com.buildtrace.compare.overlay.SheetImages;
import com.buildtrace.compare.raster.BufferPool;
import com.buildtrace.compare.raster.GrayImage;
import com.buildtrace.compare.source.DrawingInputException;
import com.buildtrace.compare.source.DrawingSet;
import com.buildtrace.compare.source.DrawingSetReader;
import com.buildtrace.compare.source.ImageSheet;
import com.buildtrace.compare.source.PdfDocumentPool;
import com.buildtrace.compare.source.PdfSheet;
import com.buildtrace.compare.source.SheetSource;
import com.buildtrace.sheets.SheetFingerprint;
import com.buildtrace.sheets.SheetId;
import com.buildtrace.sheets.SheetIdentifier;
import com.buildtrace.sheets.SheetPairer;
import com.buildtrace.sheets.SheetPairing;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The comparison engine as a long-lived object: {@link #plan} reads two sets, identifies and pairs their
 * sheets; {@link #compare(SetPlan, SheetTask, Path)} compares one sheet task (a pair, an added or a removed
 * sheet). Open documents, threads and pixel buffers are kept between calls, so a worker that compares many
 * sheets pays for them once. Thread-safe: tasks may run in parallel.
 */
public final class ComparisonEngine implements AutoCloseable {

    /** Long side, in pixels, of the small renders used to recognise sheets by their looks. */
    static final int FINGERPRINT_PX = 240;

    private final CompareOptions options;

    private final DrawingSetReader reader = new DrawingSetReader();

    private final SheetIdentifier identifier = new SheetIdentifier();

    private final SheetPairer pairer = new SheetPairer();

    private final SheetOpener opener = new SheetOpener();

    private final RevisionMarkReader markReader = new RevisionMarkReader();

    private final CloudAuditor auditor = new CloudAuditor();

    private final ExecutorService workers;

    private final ExecutorService helpers;

    private final SheetPairComparator pairs;

    private final Map<Path, ReadSet> sets = new ConcurrentHashMap<>();

    /** A set as read, with the size and time of each file it was read from. */
    private record ReadSet(DrawingSet set, List<FileStamp> files) {

        boolean matches(Path file) {
            return files.equals(FileStamp.of(file));
        }
    }

    /** A file's size and time, to tell a file changed since it was read (null time when it is unreadable). */
    private record FileStamp(Path file, long size, java.nio.file.attribute.FileTime modified) {

        /** The stamps of a set's files; none when they cannot be listed (the reader says why). */
        static List<FileStamp> of(Path set) {
            List<FileStamp> stamps = new ArrayList<>();
            try {
                for (Path f : DrawingSetReader.files(set)) {
                    stamps.add(new FileStamp(f, Files.size(f), Files.getLastModifiedTime(f)));
                }
            } catch (IOException | DrawingInputException e) {
                return List.of();
            }
            return stamps;
        }
    }

    public ComparisonEngine(CompareOptions options) {
        this.options = options;
        // one thread: everything runs on the caller's thread, one core's worth of work at a time
        this.workers = options.threads() == 1 ? new CallerRunsExecutor()
                : Executors.newFixedThreadPool(options.threads(), daemons("buildtrace-sheet"));
        this.helpers = options.threads() == 1 ? new CallerRunsExecutor()
                : Executors.newFixedThreadPool(options.threads(), daemons("buildtrace-render"));
        this.pairs = new SheetPairComparator(opener, helpers, new BufferPool(2 * options.threads()), options);
    }

    public CompareOptions options() {
        return options;
    }

    /** Threads for comparing several sheet tasks at once. */
    ExecutorService workers() {
        return workers;
    }

    /**
     * Reads both sets, identifies every sheet and pairs them.
     *
     * @throws DrawingInputException when either file cannot be used at all
     */
    public SetPlan plan(Path oldFile, Path newFile) throws IOException {
        return pair(ingest(oldFile, newFile));
    }

    /**
     * Reads both sets and identifies their sheets. With one sheet on each side the sheets are identified
     * while they are compared instead, from the content recorded as they render (no extra reading).
     *
     * @throws DrawingInputException when either file cannot be used at all
     */
    public SetIngest ingest(Path oldFile, Path newFile) throws IOException {
        long t0 = System.nanoTime();
        StageTimes times = new StageTimes();
        try {
            Future<DrawingSet> oldRead = workers.submit(() -> set(oldFile));
            DrawingSet news = set(newFile);
            DrawingSet olds = get(oldRead);
            long t = times.lap("read", t0);
            boolean single = olds.size() == 1 && news.size() == 1;
            List<SheetId> oldIds = single ? java.util.Collections.singletonList(null) : identify(olds);
            List<SheetId> newIds = single ? java.util.Collections.singletonList(null) : identify(news);
            times.lap("identify", t);
            return new SetIngest(oldFile, newFile, olds.sheets(), news.sheets(), oldIds, newIds, times.millis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("reading the sets was interrupted", e);
        }
    }

    /** Pairs the sheets of an ingested comparison into sheet tasks. */
    public SetPlan pair(SetIngest ingest) throws IOException {
        long t = System.nanoTime();
        DrawingSet olds = set(ingest.oldFile());
        DrawingSet news = set(ingest.newFile());
        List<SheetId> oldIds = ingest.oldIds();
        List<SheetId> newIds = ingest.newIds();
        Set<SheetSource> broken = ConcurrentHashMap.newKeySet();
        olds.sheets().stream().filter(x -> x.problem() != null).forEach(broken::add);
        news.sheets().stream().filter(x -> x.problem() != null).forEach(broken::add);
        SheetPairing pairing = pairer.pair(oldIds, newIds,
                i -> fingerprint(olds.sheets().get(i), broken), j -> fingerprint(news.sheets().get(j), broken),
                i -> broken.contains(olds.sheets().get(i)), j -> broken.contains(news.sheets().get(j)));
        List<SheetTask> tasks = new ArrayList<>();
        for (SheetPairing.Pair p : pairing.pairs()) {
            SheetId newId = newIds.get(p.newIndex());
            tasks.add(new SheetTask(tasks.size(), SheetTask.Kind.PAIR, p.oldIndex(), p.newIndex(),
                    oldIds.get(p.oldIndex()), newId, p.by(),
                    sheetDir("sheet", p.newIndex(), newId != null ? newId : SheetId.ofPage(p.newIndex()))));
        }
        for (int j : pairing.added()) {
            tasks.add(new SheetTask(tasks.size(), SheetTask.Kind.ADDED, null, j, null, newIds.get(j), null,
                    sheetDir("added", j, newIds.get(j))));
        }
        for (int i : pairing.removed()) {
            tasks.add(new SheetTask(tasks.size(), SheetTask.Kind.REMOVED, i, null, oldIds.get(i), null, null,
                    sheetDir("removed", i, oldIds.get(i))));
        }
        Map<String, Long> stages = new java.util.LinkedHashMap<>(ingest.stageMillis());
        stages.put("pair", (System.nanoTime() - t) / 1_000_000);
        return new SetPlan(ingest.oldFile(), ingest.newFile(), olds.size(), news.size(), tasks, stages);
    }

    /** Compares one sheet task; a sheet that cannot be read gives a failed comparison, never an exception. */
    public PageComparison compare(SetPlan plan, SheetTask task, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        SheetSource oldSource = task.oldPage() == null ? null : set(plan.oldFile()).sheets().get(task.oldPage());
        SheetSource newSource = task.newPage() == null ? null : set(plan.newFile()).sheets().get(task.newPage());
        return switch (task.kind()) {
            case PAIR -> audited(pairs.compare(oldSource, newSource, task.oldId(), task.newId(), task.pairedBy(),
                    outDir, task.dir()), oldSource, newSource);
            case ADDED -> single(newSource, null, task.newId(), PageStatus.ADDED, outDir, task.dir());
            case REMOVED -> single(oldSource, task.oldId(), null, PageStatus.REMOVED, outDir, task.dir());
        };
    }

    /**
     * The compared pair with its cloud audit: the revision clouds of the new sheet (and the old sheet's, moved
     * into the new frame, so that a cloud of the last revision taken off is not a change), against its changes.
     * A sheet whose marks cannot be read keeps its comparison, without an audit.
     */
    private PageComparison audited(PageComparison page, SheetSource oldSource, SheetSource newSource) {
        if (page.status() != PageStatus.CHANGED && page.status() != PageStatus.UNCHANGED) {
            return page;
        }
        long t0 = System.nanoTime();
        try {
            MarkedSheet newMarks = marks(newSource);
            MarkedSheet oldMarks = marks(oldSource);
            AffineTransform toNew = page.alignment() != null && page.alignment().aligned()
                    ? page.alignment().transform() : new AffineTransform();
            java.util.function.Predicate<RevisionCloud> changedInside = changedInside(newMarks, oldMarks, newSource,
                    oldSource, toNew);
            CloudAudit audit = auditor.audit(page.regions(), page.textChanges(), newMarks.marks(),
                    oldMarks.marks().transformed(toNew), changedInside);
            Map<String, Long> stages = new java.util.LinkedHashMap<>(page.stageMillis());
            stages.put("clouds", SheetPairComparator.millisSince(t0));
            return new PageComparison(page.oldSheet(), page.newSheet(), page.status(), page.pairedBy(),
                    page.oldSize(), page.newSize(), page.alignment(), page.regions(), page.textChanges(),
                    page.images(), page.dpi(), page.changedAreaPt2(), null, page.millis()
                    + SheetPairComparator.millisSince(t0), stages, audit);
        } catch (IOException | RuntimeException e) {
            return page;
        }
    }

    /**
     * What tells whether anything changed inside a cloud: the path end points of two vector sheets, the pixels
     * of two scans; a vector sheet against a scan has neither, and a cloud is then taken to surround a change.
     */
    private static java.util.function.Predicate<RevisionCloud> changedInside(MarkedSheet newMarks,
            MarkedSheet oldMarks, SheetSource newSource, SheetSource oldSource, AffineTransform toNew) {
        if (newMarks.content() != null && oldMarks.content() != null) {
            return CloudAuditor.changedInside(newMarks.content(), oldMarks.content(), toNew);
        }
        if (newSource instanceof ImageSheet n && oldSource instanceof ImageSheet o
                && !newMarks.marks().clouds().isEmpty()) {
            return CloudAuditor.changedInside(n, o, toNew);
        }
        return c -> true;
    }

    private MarkedSheet marks(SheetSource source) throws IOException {
        if (source instanceof ImageSheet image) {
            return new MarkedSheet(markReader.read(image), null);
        }
        PdfSheet pdf = (PdfSheet) source;
        try (PdfDocumentPool.Lease lease = opener.pool().borrow(pdf.file())) {
            return markReader.readWithContent(lease.document(), pdf);
        }
    }

    /** The sheets of a set (read once per engine). */
    public List<SheetSource> sheets(Path file) {
        return set(file).sheets();
    }

    /**
     * A set read once per engine (its pages stay open in the document pool) and read again when its file, or
     * a file of its folder, changed since (same files, sizes and times: unchanged).
     */
    private DrawingSet set(Path file) {
        Path f = file.toAbsolutePath().normalize();
        ReadSet known = sets.get(f);
        if (known != null && !known.matches(f)) {
            release(f);
        }
        return sets.computeIfAbsent(f, p -> {
            // stamped before reading: a file that changes while it is read is read again next time
            List<FileStamp> stamps = FileStamp.of(p);
            return new ReadSet(reader.read(p, opener.pool()), stamps);
        }).set();
    }

    /**
     * Forgets a set: closes its documents and drops what was read from it. For a long-lived engine, when the
     * comparisons of a file are over (the next use reads it again).
     */
    public void release(Path file) {
        Path f = file.toAbsolutePath().normalize();
        ReadSet gone = sets.remove(f);
        opener.release(f);
        if (gone != null) {
            // a folder's documents are those of its files
            gone.set().sheets().stream().map(SheetSource::file).distinct().forEach(opener::release);
        }
    }

    /**
     * Sheet identities, read in parallel; a page that cannot be read is identified by its position in the set
     * (which, for a folder, is not its page in its file).
     */
    private List<SheetId> identify(DrawingSet set)
            throws InterruptedException {
        List<Callable<SheetId>> tasks = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            SheetSource s = set.sheets().get(i);
            int position = i;
            tasks.add(() -> {
                // a sheet with a problem is still read for its number: it should fail as itself, paired
                if (!(s instanceof PdfSheet pdf)) {
                    return SheetId.ofPage(position);
                }
                try {
                    PageContent content = opener.content(pdf);
                    return identifier.identify(content, s.widthPt(), s.heightPt(), position);
                } catch (DrawingInputException e) {
                    return SheetId.ofPage(position);
                }
            });
        }
        List<SheetId> ids = new ArrayList<>();
        for (Future<SheetId> f : workers.invokeAll(tasks)) {
            ids.add(get(f));
        }
        return ids;
    }

    /**
     * Words and a small render of a sheet, for pairing by content; blank for a sheet that cannot be read,
     * which is then noted as broken.
     */
    private SheetFingerprint fingerprint(SheetSource s, Set<SheetSource> broken) {
        double dpi = FINGERPRINT_PX * 72.0 / Math.max(s.widthPt(), s.heightPt());
        try (OpenSheet sheet = opener.open(s, dpi)) {
            return SheetFingerprint.of(sheet.content().words(), sheet.preview(dpi), s.widthPt(), s.heightPt());
        } catch (DrawingInputException e) {
            broken.add(s);
            return SheetFingerprint.of(List.of(), new GrayImage(new byte[] {(byte) 255}, 1, 1, dpi),
                    s.widthPt(), s.heightPt());
        }
    }

    /**
     * An added or removed sheet: no comparison, but a preview in the colour of its fate. A sheet that cannot
     * be read fails with its reason rather than pass as added or removed.
     */
    private PageComparison single(SheetSource s, SheetId oldId, SheetId newId, PageStatus status, Path outDir,
                                  String dir) {
        long t0 = System.nanoTime();
        double[] size = {s.widthPt(), s.heightPt()};
        double[] oldSize = status == PageStatus.REMOVED ? size : null;
        double[] newSize = status == PageStatus.ADDED ? size : null;
        SheetImages images;
        try (OpenSheet sheet = opener.open(s, 100)) {
            images = writeSinglePreview(sheet, status, outDir, dir);
        } catch (DrawingInputException e) {
            return failedSingle(oldId, newId, oldSize, newSize, e.getMessage(), t0);
        } catch (IOException | RuntimeException e) {
            return failedSingle(oldId, newId, oldSize, newSize, s.describe() + ": " + e.getMessage(), t0);
        } finally {
            opener.forget(s);
        }
        return new PageComparison(oldId, newId, status, null, oldSize, newSize, null, List.of(), List.of(), images,
                0, 0, null, SheetPairComparator.millisSince(t0), java.util.Map.of());
    }

    private static PageComparison failedSingle(SheetId oldId, SheetId newId, double[] oldSize, double[] newSize,
                                               String reason, long t0) {
        return new PageComparison(oldId, newId, PageStatus.FAILED, null, oldSize, newSize, null, List.of(),
                List.of(), null, 0, 0, reason, SheetPairComparator.millisSince(t0), java.util.Map.of());
    }

    private static SheetImages writeSinglePreview(OpenSheet sheet, PageStatus status, Path outDir, String dir)
            throws IOException {
        double side = Math.max(sheet.source().widthPt(), sheet.source().heightPt());
        double dpi = Math.min(100, SheetPairComparator.PREVIEW_MAX_PX * 72.0 / side);
        GrayImage img = sheet.preview(dpi);
        Path folder = outDir.resolve(dir);
        Files.createDirectories(folder);
        byte ink = status == PageStatus.ADDED ? OverlayRenderer.ADDED : OverlayRenderer.REMOVED;
        byte[] codes = new byte[img.width() * img.height()];
        for (int i = 0; i < codes.length; i++) {
            int v = img.pixels()[i] & 0xFF;
            codes[i] = v < 160 ? ink : v < 250 ? OverlayRenderer.LIGHT : OverlayRenderer.PAPER;
        }
        OverlayRenderer.writePreviews(codes, img.width(), img.height(), dpi, folder.resolve("preview.png"),
                folder.resolve("thumbnail.png"), SheetPairComparator.THUMBNAIL_MAX_PX);
        return new SheetImages(null, null, null, dir + "/preview.png", dir + "/thumbnail.png", img.width(),
                img.height(), dpi, img.width(), img.height());
    }

    /** A folder name that sorts in sheet order and says which sheet it is: sheet-003-A-101. */
    static String sheetDir(String prefix, int pageIndex, SheetId id) {
        String number = id == null || id.number() == null ? "" : "-" + id.number().replaceAll("[^A-Za-z0-9.-]", "_");
        return String.format(Locale.ROOT, "sheets/%s-%03d%s", prefix, pageIndex + 1, number);
    }

    @Override
    public void close() {
        workers.shutdownNow();
        helpers.shutdownNow();
        opener.close();
    }

    private static <T> T get(Future<T> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new UncheckedIOException(new IOException(c));
        }
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
