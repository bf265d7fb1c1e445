package com.buildtrace.compare.clouds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Puts found clouds and delta tags together: reading order, ids, and each cloud's revision from its delta. */
final class CloudMarks {

    private CloudMarks() {
    }

    static RevisionMarks assemble(List<ScallopRing.Ring> rings, List<DeltaTag> deltas) {
        List<ScallopRing.Ring> ordered = new ArrayList<>(rings);
        ordered.sort(Comparator.comparingDouble((ScallopRing.Ring r) -> Math.round(r.box().y() / 36))
                .thenComparingDouble(r -> r.box().x()));
        List<RevisionCloud> clouds = new ArrayList<>();
        for (ScallopRing.Ring r : ordered) {
            String id = "c" + (clouds.size() + 1);
            RevisionCloud cloud = new RevisionCloud(id, r.box(), r.cusps(), r.scallops(), r.medianChord(), null,
                    List.of());
            clouds.add(cloud.with(id, revisionOf(cloud, deltas), List.of()));
        }
        return new RevisionMarks(clouds, deltas);
    }

    /** The revision of the nearest delta tag on or beside the cloud, or null. */
    private static String revisionOf(RevisionCloud cloud, List<DeltaTag> deltas) {
        double reach = Math.max(12, 2 * cloud.scallopPt());
        DeltaTag best = null;
        double bestGap = Double.MAX_VALUE;
        for (DeltaTag d : deltas) {
            if (d.revision() == null) {
                continue;
            }
            double gap = Math.max(0, cloud.box().gap(d.box()));
            if (gap <= reach && gap < bestGap) {
                best = d;
                bestGap = gap;
            }
        }
        return best == null ? null : best.revision();
    }
}
