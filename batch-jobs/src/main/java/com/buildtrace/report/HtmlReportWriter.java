package com.buildtrace.report;

import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.PageStatus;
import com.buildtrace.compare.SetComparison;
import com.buildtrace.compare.align.Alignment;
import com.buildtrace.compare.diff.ChangeRegion;
import com.buildtrace.compare.geom.Transforms;
import com.buildtrace.compare.overlay.OverlayRenderer;
import com.buildtrace.compare.overlay.SheetImages;
import com.buildtrace.compare.text.TextChange;
import com.buildtrace.summary.ChangeSummary;
import com.buildtrace.summary.SheetSummary;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code index.html}: a self-contained page (no scripts or styles fetched from anywhere) with the set
 * summary, the sheets ranked by amount of change, and per sheet the overlay with its change regions drawn
 * over it, the list of regions and the text changes.
 */
public final class HtmlReportWriter {

    public void write(SetComparison result, Path file) throws IOException {
        write(result, null, file);
    }

    /** The report with the comparison's summary (none when null): the set's on top, each sheet's in its section. */
    public void write(SetComparison result, ChangeSummary summary, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(render(result, summary));
        }
    }

    String render(SetComparison r) {
        return render(r, null);
    }

    String render(SetComparison r, ChangeSummary summary) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(r.oldName() + " → " + r.newName()))
                .append(" · BuildTrace</title>\n<style>").append(CSS).append(SummaryHtml.CSS)
                .append("</style></head><body>\n");
        header(h, r);
        if (summary != null) {
            Map<String, String> anchors = new HashMap<>();
            r.pages().forEach(p -> anchors.putIfAbsent(p.label(), anchor(p)));
            SummaryHtml.set(h, summary, anchors);
        }
        ranking(h, r);
        for (PageComparison p : ranked(r)) {
            sheet(h, p, summary == null ? null : summary.sheet(p.oldPage(), p.newPage()).orElse(null));
        }
        h.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, SetComparison r) {
        h.append("<header><h1>What changed</h1><p class=\"files\"><span class=\"old\">")
                .append(esc(r.oldName())).append("</span> → <span class=\"new\">")
                .append(esc(r.newName())).append("</span></p>\n<ul class=\"counts\">");
        count(h, r.count(PageStatus.CHANGED), "changed", "changed");
        count(h, r.count(PageStatus.UNCHANGED), "unchanged", "unchanged");
        count(h, r.count(PageStatus.ADDED), "added", "added");
        count(h, r.count(PageStatus.REMOVED), "removed", "removed");
        if (r.count(PageStatus.FAILED) > 0) {
            count(h, r.count(PageStatus.FAILED), "failed", "failed");
        }
        h.append("</ul>\n<p class=\"legend\">Overlay: <span class=\"sw\" style=\"background:")
                .append(ResultJsonWriter.color(OverlayRenderer.PALETTE[OverlayRenderer.REMOVED]))
                .append("\"></span> removed (only in the old revision) <span class=\"sw\" style=\"background:")
                .append(ResultJsonWriter.color(OverlayRenderer.PALETTE[OverlayRenderer.ADDED]))
                .append("\"></span> added (only in the new revision) <span class=\"sw\" style=\"background:")
                .append(ResultJsonWriter.color(OverlayRenderer.PALETTE[OverlayRenderer.DARK]))
                .append("\"></span> unchanged. Boxes: change regions (blue added, red removed, purple modified).</p>")
                .append(String.format(Locale.ROOT, "<p class=\"meta\">Compared at %.0f dpi in %.1f s.</p>",
                        r.options().dpi(), r.millis() / 1000.0))
                .append("</header>\n");
    }

    private static void count(StringBuilder h, long n, String label, String cls) {
        h.append("<li class=\"").append(cls).append("\"><b>").append(n).append("</b> ").append(label).append("</li>");
    }

    /** Changed sheets by amount of change first, then added, removed, failed and unchanged ones. */
    static List<PageComparison> ranked(SetComparison r) {
        return ranked(r.pages());
    }

    /** The sheets as the report ranks them: changed ones by amount of change first, then failed, added, ... */
    public static List<PageComparison> ranked(List<PageComparison> sheets) {
        List<PageComparison> pages = new ArrayList<>(sheets);
        pages.sort(Comparator.comparingInt((PageComparison p) -> switch (p.status()) {
            case CHANGED -> 0;
            case FAILED -> 1;
            case ADDED -> 2;
            case REMOVED -> 3;
            case UNCHANGED -> 4;
        }).thenComparingDouble(p -> -(p.changedAreaPt2() + 50.0 * p.textChanges().size())));
        return pages;
    }

    private static void ranking(StringBuilder h, SetComparison r) {
        h.append("<section><h2>Sheets, most changed first</h2><table class=\"rank\"><thead><tr><th>Sheet</th>")
                .append("<th>Title</th><th>Status</th><th>Regions</th><th>Text changes</th><th>Changed area</th>")
                .append("<th>Pages (old → new)</th></tr></thead><tbody>\n");
        for (PageComparison p : ranked(r)) {
            h.append("<tr><td><a href=\"#").append(anchor(p)).append("\">").append(esc(p.label())).append("</a>");
            if (p.renumbered()) {
                h.append(" <small>(was ").append(esc(p.oldSheet().number())).append(")</small>");
            }
            h.append("</td><td>").append(esc(title(p))).append("</td><td><span class=\"tag ")
                    .append(p.status().json()).append("\">").append(p.status().json()).append("</span></td><td>")
                    .append(p.regions().size()).append("</td><td>").append(p.textChanges().size()).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f in²", p.changedAreaPt2() / 5184.0)).append("</td><td>")
                    .append(page(p.oldPage())).append(" → ").append(page(p.newPage())).append("</td></tr>\n");
        }
        h.append("</tbody></table></section>\n");
    }

    private static void sheet(StringBuilder h, PageComparison p, SheetSummary summary) {
        h.append("<section class=\"sheet\" id=\"").append(anchor(p)).append("\"><h2>").append(esc(p.label()));
        if (title(p).length() > 0) {
            h.append(" <small>").append(esc(title(p))).append("</small>");
        }
        h.append(" <span class=\"tag ").append(p.status().json()).append("\">").append(p.status().json())
                .append("</span></h2>\n");
        if (p.error() != null) {
            h.append("<p class=\"error\">").append(esc(p.error())).append("</p></section>\n");
            return;
        }
        if (summary != null) {
            SummaryHtml.sheet(h, summary, anchor(p));
        }
        alignment(h, p.alignment());
        SheetImages img = p.images();
        if (img != null && img.preview() != null) {
            double[] size = p.newSize() != null ? p.newSize() : p.oldSize();
            h.append("<div class=\"view\"><img loading=\"lazy\" src=\"").append(esc(img.preview()))
                    .append("\" width=\"").append(img.previewWidth()).append("\" height=\"")
                    .append(img.previewHeight()).append("\" alt=\"overlay of ").append(esc(p.label())).append("\">");
            if (!p.regions().isEmpty()) {
                h.append(String.format(Locale.ROOT, "<svg viewBox=\"0 0 %.2f %.2f\" preserveAspectRatio=\"none\">",
                        size[0], size[1]));
                for (ChangeRegion r : p.regions()) {
                    double pad = Math.max(size[0], size[1]) / 400;
                    h.append(String.format(Locale.ROOT,
                            "<rect id=\"%s-%s\" class=\"%s\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\">"
                                    + "<title>%s %s</title></rect>",
                            anchor(p), r.id(), r.kind().json(), r.box().x() - pad, r.box().y() - pad,
                            r.box().width() + 2 * pad, r.box().height() + 2 * pad, r.id(), r.kind().json()));
                }
                CloudsSection.svg(h, p);
                h.append("</svg>");
            }
            h.append("</div>\n<p class=\"links\">");
            link(h, img.overlay(), "full-size overlay");
            link(h, img.oldImage(), "old (aligned)");
            link(h, img.newImage(), "new");
            h.append("</p>\n");
        }
        if (!p.regions().isEmpty()) {
            h.append("<details open><summary>").append(p.regions().size())
                    .append(" change regions</summary><table class=\"list\"><tr><th>Region</th><th>Kind</th>")
                    .append("<th>Where (pt from top left)</th><th>Size (pt)</th><th>Text</th></tr>\n");
            for (ChangeRegion r : p.regions()) {
                h.append("<tr data-box=\"").append(anchor(p)).append('-').append(r.id()).append("\"><td>")
                        .append(r.id()).append("</td><td><span class=\"tag ").append(r.kind().json()).append("\">")
                        .append(r.kind().json()).append("</span></td><td>")
                        .append(String.format(Locale.ROOT, "%.0f, %.0f</td><td>%.0f × %.0f", r.box().x(), r.box().y(),
                                r.box().width(), r.box().height()))
                        .append("</td><td>").append(esc(textOf(p, r.id()))).append("</td></tr>\n");
            }
            h.append("</table></details>\n");
        }
        if (!p.textChanges().isEmpty()) {
            h.append("<details open><summary>").append(p.textChanges().size())
                    .append(" text changes</summary><table class=\"list\"><tr><th>Kind</th><th>Old</th><th>New</th>")
                    .append("<th>Region</th></tr>\n");
            for (TextChange t : p.textChanges()) {
                h.append("<tr><td><span class=\"tag ").append(t.kind().json()).append("\">").append(t.kind().json())
                        .append("</span></td><td class=\"oldtext\">").append(esc(t.oldText())).append("</td><td class=\"newtext\">")
                        .append(esc(t.newText())).append("</td><td>").append(esc(t.regionId())).append("</td></tr>\n");
            }
            h.append("</table></details>\n");
        }
        CloudsSection.details(h, p);
        h.append("</section>\n");
    }

    private static void alignment(StringBuilder h, Alignment a) {
        if (a == null) {
            return;
        }
        if (!a.aligned()) {
            h.append("<p class=\"error\">Alignment failed: the sheets were compared as they lie, so shifted content "
                    + "shows as change.</p>\n");
            return;
        }
        if (a.isIdentity()) {
            h.append("<p class=\"meta\">Sheets coincide (no re-plot shift).</p>\n");
            return;
        }
        var t = a.transform();
        h.append(String.format(Locale.ROOT, "<p class=\"meta\">Re-plot corrected (%s, confidence %.2f): shift %.2f, %.2f pt, "
                        + "scale %.4f, rotation %.3f°.</p>\n", a.method().name().toLowerCase(Locale.ROOT),
                a.confidence(), t.getTranslateX(), t.getTranslateY(), Transforms.scale(t), Transforms.rotationDeg(t)));
    }

    /** The text changes a region shows: "12'-6\" → 13'-0\"; + NEW NOTE; − OLD NOTE" (empty when none). */
    public static String textOf(PageComparison p, String regionId) {
        StringBuilder sb = new StringBuilder();
        for (TextChange t : p.textChanges()) {
            if (regionId.equals(t.regionId())) {
                if (!sb.isEmpty()) {
                    sb.append("; ");
                }
                sb.append(switch (t.kind()) {
                    case ADDED -> "+ " + t.newText();
                    case REMOVED -> "− " + t.oldText();
                    case REPLACED -> t.oldText() + " → " + t.newText();
                });
            }
        }
        return sb.toString();
    }

    private static void link(StringBuilder h, String href, String label) {
        if (href != null) {
            h.append("<a href=\"").append(esc(href)).append("\">").append(label).append("</a> ");
        }
    }

    private static String title(PageComparison p) {
        String t = p.newSheet() != null ? p.newSheet().title() : null;
        if (t == null && p.oldSheet() != null) {
            t = p.oldSheet().title();
        }
        return t == null ? "" : t;
    }

    private static String page(Integer index) {
        return index == null ? "–" : String.valueOf(index + 1);
    }

    private static String anchor(PageComparison p) {
        return "s-" + (p.newPage() != null ? "n" + p.newPage() : "o" + p.oldPage());
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2330;background:#f4f5f7}
            header,section{max-width:1400px;margin:0 auto;padding:16px 24px}
            header{background:#fff;border-bottom:1px solid #dde1e6;max-width:none}
            h1{margin:0 0 4px;font-size:22px} h2{font-size:18px;margin:0 0 8px} h2 small{font-weight:normal;color:#555}
            .files .old{color:#b0201f}.files .new{color:#1b4fb8}
            .counts{list-style:none;padding:0;display:flex;gap:16px;margin:8px 0}
            .counts li{background:#f4f5f7;border-radius:6px;padding:6px 12px}
            .sw{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-1px;margin:0 4px 0 10px}
            .meta{color:#555} .error{color:#9b1c1c;background:#fdecec;padding:8px;border-radius:6px}
            table{border-collapse:collapse;background:#fff;width:100%} td,th{padding:5px 8px;border-bottom:1px solid #eceff3;text-align:left}
            .sheet{background:#fff;margin:16px auto;border:1px solid #dde1e6;border-radius:8px}
            .view{position:relative;display:inline-block;max-width:100%;border:1px solid #dde1e6}
            .view img{display:block;max-width:100%;height:auto}
            .view svg{position:absolute;inset:0;width:100%;height:100%}
            rect{fill:none;stroke-width:.25%;vector-effect:non-scaling-stroke;stroke-width:2px}
            rect.added{stroke:#1f5fd6}rect.removed{stroke:#d62728}rect.modified{stroke:#8e44ad}
            rect.flash{stroke-width:5px;fill:rgba(255,200,0,.25)}
            .tag{border-radius:4px;padding:1px 6px;font-size:12px;background:#eceff3}
            .tag.changed,.tag.modified,.tag.replaced{background:#efe3f7;color:#5b2a86}
            .tag.added{background:#e3ecfb;color:#1b4fb8}.tag.removed{background:#fbe5e5;color:#9b1c1c}
            .tag.failed{background:#9b1c1c;color:#fff}.tag.unchanged{color:#555}
            .oldtext{color:#9b1c1c}.newtext{color:#1b4fb8} tr[data-box]{cursor:pointer} tr[data-box]:hover{background:#f7f3e3}
            details{margin:8px 0} summary{cursor:pointer;font-weight:600}
            polygon.cloud{fill:none;stroke:#2e8b57;stroke-width:2px;vector-effect:non-scaling-stroke;stroke-dasharray:4 3}
            polygon.cloud.empty,rect.unclouded{stroke:#e67e22;stroke-dasharray:6 3;stroke-width:2px;fill:none}
            .audit{color:#8a4b08} .tag.unclouded,.tag.empty{background:#fdebd3;color:#8a4b08}
            """;

    private static final String SCRIPT = """
            document.querySelectorAll('[data-box]').forEach(function(row){row.addEventListener('click',function(e){
              e.preventDefault();
              var r=document.getElementById(row.dataset.box); if(!r)return;
              r.scrollIntoView({behavior:'smooth',block:'center'}); r.classList.add('flash');
              setTimeout(function(){r.classList.remove('flash');},1600);});});
            """;
}
