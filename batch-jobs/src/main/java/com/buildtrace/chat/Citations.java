package com.buildtrace.chat;

import com.buildtrace.compare.PageComparison;
import com.buildtrace.summary.SheetFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sheets and regions an answer cites, as the model is told to: in square brackets, a sheet followed by
 * region ids ({@code [A-101 r3]}, {@code [A-101 r3, r4]}, {@code [A-101 r3; S-201 r1]}, {@code [A-101]}).
 * Only sheets of the comparison and regions of those sheets count: a made-up citation is dropped.
 *
 * @param sheets cited sheets, in order of first citation
 * @param regions cited regions, in order of first citation
 */
record Citations(List<String> sheets, List<RegionRef> regions) {

    private static final Pattern BRACKETS = Pattern.compile("\\[([^\\[\\]]{1,400})]");

    private static final Pattern REGION = Pattern.compile("\\br\\d+\\b");

    static Citations of(String answer, List<PageComparison> pages) {
        // longest labels first, so that "A-101A" is not read as "A-101"
        List<PageComparison> byLabel = pages.stream()
                .sorted(Comparator.comparingInt((PageComparison p) -> p.label().length()).reversed()).toList();
        Set<String> sheets = new LinkedHashSet<>();
        Set<RegionRef> regions = new LinkedHashSet<>();
        Matcher m = BRACKETS.matcher(answer);
        while (m.find()) {
            for (String part : m.group(1).split(";")) {
                String text = part.strip();
                PageComparison sheet = byLabel.stream().filter(p -> startsWithLabel(text, p.label())).findFirst()
                        .orElse(null);
                if (sheet == null) {
                    continue;
                }
                sheets.add(sheet.label());
                Set<String> known = SheetFacts.regionIds(sheet);
                Matcher r = REGION.matcher(text.substring(sheet.label().length()));
                while (r.find()) {
                    if (known.contains(r.group())) {
                        regions.add(new RegionRef(sheet.label(), r.group()));
                    }
                }
            }
        }
        return new Citations(new ArrayList<>(sheets), new ArrayList<>(regions));
    }

    private static boolean startsWithLabel(String text, String label) {
        if (!text.toUpperCase(Locale.ROOT).startsWith(label.toUpperCase(Locale.ROOT))) {
            return false;
        }
        return text.length() == label.length() || !Character.isLetterOrDigit(text.charAt(label.length()));
    }
}
