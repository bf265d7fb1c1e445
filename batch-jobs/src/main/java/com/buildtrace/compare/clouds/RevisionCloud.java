package com.buildtrace.compare.clouds;

import com.buildtrace.compare.geom.Box;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Objects;

/**
 * A revision cloud found on a sheet.
 *
 * @param id c1, c2, ... in reading order of the sheet
 * @param box the cloud's extent in displayed points (origin top-left, y down)
 * @param outline the cusps between its scallops, x, y pairs in displayed points, in drawing order: the
 *     polygon the cloud encloses
 * @param scallops number of scallops (arcs)
 * @param scallopPt median chord of a scallop, in points
 * @param revision the revision of the delta tag beside it, or null when it has none (or it cannot be read)
 * @param regionIds the change regions it surrounds (filled in by the audit)
 */
public record RevisionCloud(String id, Box box, double[] outline, int scallops, double scallopPt, String revision,
                            List<String> regionIds) {

    public RevisionCloud {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(outline, "outline");
        if (outline.length < 6 || outline.length % 2 != 0) {
            throw new IllegalArgumentException("a cloud's outline has at least three x, y points");
        }
        if (scallops < 3) {
            throw new IllegalArgumentException("a cloud has at least three scallops: " + scallops);
        }
        regionIds = List.copyOf(regionIds);
    }

    /** The enclosed area as a shape. */
    public Path2D.Double polygon() {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(outline[0], outline[1]);
        for (int i = 2; i < outline.length; i += 2) {
            p.lineTo(outline[i], outline[i + 1]);
        }
        p.closePath();
        return p;
    }

    /** True when the point lies inside the cloud, or within {@code tolerance} points of its outline. */
    public boolean covers(double x, double y, double tolerance) {
        if (polygon().contains(x, y)) {
            return true;
        }
        int n = outline.length / 2;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            if (java.awt.geom.Line2D.ptSegDist(outline[2 * i], outline[2 * i + 1], outline[2 * j], outline[2 * j + 1],
                    x, y) <= tolerance) {
                return true;
            }
        }
        return false;
    }

    /** The same cloud under another id, with its revision and the regions it surrounds. */
    public RevisionCloud with(String newId, String newRevision, List<String> regions) {
        return new RevisionCloud(newId, box, outline, scallops, scallopPt, newRevision, regions);
    }
}
