package com.buildtrace.report;

import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.PageStatus;
import com.buildtrace.compare.SetComparison;
import com.buildtrace.compare.align.Alignment;
import com.buildtrace.compare.clouds.CloudAudit;
import com.buildtrace.compare.clouds.DeltaTag;
import com.buildtrace.compare.clouds.RevisionCloud;
import com.buildtrace.compare.diff.ChangeRegion;
import com.buildtrace.compare.geom.Box;
import com.buildtrace.compare.geom.Transforms;
import com.buildtrace.compare.overlay.OverlayRenderer;
import com.buildtrace.compare.overlay.SheetImages;
import com.buildtrace.compare.text.TextChange;
import com.buildtrace.sheets.SheetId;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes {@code result.json}: one entry per sheet with 0-based page indices, boxes in points of the new sheet
 * (origin top-left, y down, rotation applied) and the old-to-new alignment matrix, plus a summary and the
 * details a viewer needs. Schema: {@code schemas/src/main/resources/schemas/result.schema.json}.
 */
public final class ResultJsonWriter {

    /** Version of the result format; bumped on incompatible changes. */
    public static final int SCHEMA_VERSION = 1;

    private final JsonMapper mapper = JsonMapper.builder().build();

    public void write(SetComparison result, Path file, String engineVersion) throws IOException {
        ObjectNode root = toJson(result, engineVersion);
        try (OutputStream out = Files.newOutputStream(file)) {
            mapper.writerWithDefaultPrettyPrinter().writeValue(out, root);
        }
    }

    ObjectNode toJson(SetComparison result, String engineVersion) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode engine = root.putObject("engine");
        engine.put("name", "buildtrace");
        engine.put("version", engineVersion);
        root.put("old", result.oldFile().getFileName().toString());
        root.put("new", result.newFile().getFileName().toString());
        root.put("oldName", result.oldName());
        root.put("newName", result.newName());
        ObjectNode options = root.putObject("options");
        options.put("dpi", result.options().dpi());
        options.put("threads", result.options().threads());
        options.put("bandMegapixels", result.options().bandMegapixels());
        options.put("fullImages", result.options().fullImages());
        ObjectNode summary = root.putObject("summary");
        summary.put("sheets", result.pages().size());
        for (PageStatus s : PageStatus.values()) {
            summary.put(s.json(), result.count(s));
        }
        summary.put("regions", result.pages().stream().mapToInt(p -> p.regions().size()).sum());
        summary.put("textChanges", result.pages().stream().mapToInt(p -> p.textChanges().size()).sum());
        summary.put("millis", result.millis());
        ObjectNode stages = summary.putObject("stageMillis");
        result.stageMillis().forEach(stages::put);
        ObjectNode legend = root.putObject("legend");
        legend.put("removed", color(OverlayRenderer.PALETTE[OverlayRenderer.REMOVED]));
        legend.put("added", color(OverlayRenderer.PALETTE[OverlayRenderer.ADDED]));
        legend.put("unchanged", color(OverlayRenderer.PALETTE[OverlayRenderer.DARK]));
        legend.put("unchangedLight", color(OverlayRenderer.PALETTE[OverlayRenderer.LIGHT]));
        ArrayNode pages = root.putArray("pages");
        for (PageComparison p : result.pages()) {
            pages.add(page(p));
        }
        return root;
    }

    private ObjectNode page(PageComparison p) {
        ObjectNode n = mapper.createObjectNode();
        putIndex(n, "oldPage", p.oldPage());
        putIndex(n, "newPage", p.newPage());
        SheetId shown = p.newSheet() != null && p.newSheet().number() != null ? p.newSheet() : p.oldSheet();
        if (shown != null && shown.number() != null) {
            n.put("sheet", shown.number());
        } else {
            n.putNull("sheet");
        }
        String title = p.newSheet() != null && p.newSheet().title() != null ? p.newSheet().title()
                : p.oldSheet() != null ? p.oldSheet().title() : null;
        if (title != null) {
            n.put("title", title);
        }
        n.put("status", p.status().json());
        if (p.oldSheet() != null && p.oldSheet().number() != null) {
            n.put("oldSheet", p.oldSheet().number());
        }
        if (p.newSheet() != null && p.newSheet().number() != null) {
            n.put("newSheet", p.newSheet().number());
        }
        if (p.renumbered()) {
            n.put("renumbered", true);
        }
        if (p.pairedBy() != null) {
            n.put("pairedBy", p.pairedBy().name().toLowerCase(Locale.ROOT));
        }
        putSize(n, "oldSize", p.oldSize());
        putSize(n, "newSize", p.newSize());
        if (p.alignment() != null) {
            n.set("alignment", alignment(p.alignment(), p.newSize()));
        }
        if (p.status() == PageStatus.CHANGED || p.status() == PageStatus.UNCHANGED) {
            ArrayNode regions = n.putArray("regions");
            for (ChangeRegion r : p.regions()) {
                ObjectNode rn = box(regions.addObject(), r.box());
                rn.put("kind", r.kind().json());
                rn.put("id", r.id());
                rn.put("addedPx", r.addedPx());
                rn.put("removedPx", r.removedPx());
                rn.put("areaPt2", round(r.changedAreaPt2(), 2));
            }
            ArrayNode texts = n.putArray("textChanges");
            for (TextChange t : p.textChanges()) {
                ObjectNode tn = texts.addObject();
                tn.put("kind", t.kind().json());
                tn.put("old", t.oldText());
                tn.put("new", t.newText());
                box(tn, t.box());
                if (t.regionId() != null) {
                    tn.put("regionId", t.regionId());
                }
            }
            n.put("changedAreaPt2", round(p.changedAreaPt2(), 2));
            n.put("dpi", p.dpi());
        }
        if (p.images() != null) {
            n.set("images", images(p.images()));
        }
        if (p.error() != null) {
            n.put("error", p.error());
        }
        n.put("millis", p.millis());
        if (!p.stageMillis().isEmpty()) {
            ObjectNode stages = n.putObject("stageMillis");
            p.stageMillis().forEach(stages::put);
        }
        if (p.cloudAudit() != null) {
            n.set("revisionClouds", clouds(p.cloudAudit()));
        }
        return n;
    }

    private ObjectNode clouds(CloudAudit a) {
        ObjectNode n = mapper.createObjectNode();
        ArrayNode clouds = n.putArray("clouds");
        for (RevisionCloud c : a.clouds()) {
            ObjectNode cn = clouds.addObject();
            cn.put("id", c.id());
            box(cn, c.box());
            ArrayNode outline = cn.putArray("outline");
            for (double v : c.outline()) {
                outline.add(round(v, 2));
            }
            cn.put("scallops", c.scallops());
            cn.put("scallopPt", round(c.scallopPt(), 2));
            cn.put("revision", c.revision());
            c.regionIds().forEach(cn.putArray("regionIds")::add);
        }
        ArrayNode deltas = n.putArray("deltas");
        for (DeltaTag d : a.deltas()) {
            box(deltas.addObject(), d.box()).put("revision", d.revision());
        }
        a.uncloudedRegionIds().forEach(n.putArray("uncloudedRegionIds")::add);
        a.emptyCloudIds().forEach(n.putArray("emptyCloudIds")::add);
        a.markRegionIds().forEach(n.putArray("markRegionIds")::add);
        return n;
    }

    private ObjectNode alignment(Alignment a, double[] newSize) {
        ObjectNode n = mapper.createObjectNode();
        ArrayNode m = n.putArray("matrix");
        for (double v : a.matrix()) {
            m.add(round(v, 7));
        }
        n.put("aligned", a.aligned());
        n.put("method", a.method().name().toLowerCase(Locale.ROOT));
        n.put("confidence", round(a.confidence(), 3));
        if (!Double.isNaN(a.residualPt())) {
            n.put("residualPt", round(a.residualPt(), 4));
        }
        var t = a.transform();
        n.put("dx", round(t.getTranslateX(), 3));
        n.put("dy", round(t.getTranslateY(), 3));
        n.put("scale", round(Transforms.scale(t), 6));
        n.put("rotationDeg", round(Transforms.rotationDeg(t), 4));
        return n;
    }

    private ObjectNode images(SheetImages i) {
        ObjectNode n = mapper.createObjectNode();
        putIfSet(n, "overlay", i.overlay());
        putIfSet(n, "old", i.oldImage());
        putIfSet(n, "new", i.newImage());
        putIfSet(n, "preview", i.preview());
        putIfSet(n, "thumbnail", i.thumbnail());
        n.put("width", i.width());
        n.put("height", i.height());
        n.put("dpi", round(i.dpi(), 3));
        n.put("previewWidth", i.previewWidth());
        n.put("previewHeight", i.previewHeight());
        return n;
    }

    private static ObjectNode box(ObjectNode n, Box b) {
        n.put("x", round(b.x(), 2));
        n.put("y", round(b.y(), 2));
        n.put("width", round(b.width(), 2));
        n.put("height", round(b.height(), 2));
        return n;
    }

    private static void putIndex(ObjectNode n, String name, Integer v) {
        if (v == null) {
            n.putNull(name);
        } else {
            n.put(name, v);
        }
    }

    private static void putSize(ObjectNode n, String name, double[] size) {
        if (size != null) {
            n.putArray(name).add(round(size[0], 2)).add(round(size[1], 2));
        }
    }

    private static void putIfSet(ObjectNode n, String name, String v) {
        if (v != null) {
            n.put(name, v);
        }
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    static String color(int rgb) {
        return String.format(Locale.ROOT, "#%06X", rgb & 0xFFFFFF);
    }
}
