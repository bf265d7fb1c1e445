package com.buildtrace.chat;

/**
 * A change region cited in an answer.
 *
 * @param sheet the sheet as people call it
 * @param regionId the region on that sheet (r3)
 */
public record RegionRef(String sheet, String regionId) {

    public RegionRef {
        if (sheet == null || sheet.isBlank() || regionId == null || !regionId.matches("r\\d+")) {
            throw new IllegalArgumentException("a region is cited by sheet and id (r1, r2, ...): " + sheet + " "
                    + regionId);
        }
    }
}
