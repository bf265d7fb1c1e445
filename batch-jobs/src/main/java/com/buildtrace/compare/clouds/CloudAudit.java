package com.buildtrace.compare.clouds;

import java.util.List;

/**
 * The unclouded-change audit of one sheet: its revision marks, and what they miss.
 *
 * @param clouds revision clouds on the new sheet, each with the change regions it surrounds
 * @param deltas delta tags on the new sheet
 * @param uncloudedRegionIds change regions that no cloud surrounds (revision marks themselves excepted)
 * @param emptyCloudIds clouds around which nothing changed
 * @param markRegionIds change regions that are revision marks themselves: a cloud or delta added, or an
 *     earlier revision's cloud taken off
 */
public record CloudAudit(List<RevisionCloud> clouds, List<DeltaTag> deltas, List<String> uncloudedRegionIds,
                         List<String> emptyCloudIds, List<String> markRegionIds) {

    public CloudAudit {
        clouds = List.copyOf(clouds);
        deltas = List.copyOf(deltas);
        uncloudedRegionIds = List.copyOf(uncloudedRegionIds);
        emptyCloudIds = List.copyOf(emptyCloudIds);
        markRegionIds = List.copyOf(markRegionIds);
    }

    /** True when there is something to tell: a change outside every cloud, or a cloud around nothing. */
    public boolean hasFindings() {
        return !uncloudedRegionIds.isEmpty() || !emptyCloudIds.isEmpty();
    }
}
