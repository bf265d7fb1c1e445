package com.buildtrace.sheets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Pairs the sheets of two revisions by identity. Sheet numbers that are unique in both sets pair first; the
 * rest pair by content similarity, best match first, above a threshold; what remains was added or removed.
 * Page order is never used: sets are re-ordered between issues.
 */
public final class SheetPairer {

    /** Content similarity needed to pair two sheets without a shared number. */
    public static final double MIN_SIMILARITY = 0.55;

    /**
     * @param olds identities of the old sheets, in page order
     * @param news identities of the new sheets, in page order
     * @param oldPrints fingerprint of an old sheet by index, computed only when needed
     * @param newPrints fingerprint of a new sheet by index, computed only when needed
     * @param oldBroken old sheets that cannot be read (asked after the fingerprints were made)
     * @param newBroken new sheets that cannot be read
     */
    public SheetPairing pair(List<SheetId> olds, List<SheetId> news, IntFunction<SheetFingerprint> oldPrints,
                             IntFunction<SheetFingerprint> newPrints, IntPredicate oldBroken,
                             IntPredicate newBroken) {
        List<SheetPairing.Pair> pairs = new ArrayList<>();
        if (olds.size() == 1 && news.size() == 1) {
            pairs.add(new SheetPairing.Pair(0, 0, SheetPairing.By.ONLY_SHEETS, Double.NaN));
            return new SheetPairing(pairs, List.of(), List.of());
        }
        boolean[] oldUsed = new boolean[olds.size()];
        boolean[] newUsed = new boolean[news.size()];
        Map<String, Integer> oldByNumber = uniqueNumbers(olds);
        Map<String, Integer> newByNumber = uniqueNumbers(news);
        for (Map.Entry<String, Integer> e : newByNumber.entrySet()) {
            Integer o = oldByNumber.get(e.getKey());
            if (o != null) {
                pairs.add(new SheetPairing.Pair(o, e.getValue(), SheetPairing.By.NUMBER, Double.NaN));
                oldUsed[o] = true;
                newUsed[e.getValue()] = true;
            }
        }
        List<double[]> candidates = new ArrayList<>();
        boolean oldLeft = false;
        boolean newLeft = false;
        for (boolean u : oldUsed) {
            oldLeft |= !u;
        }
        for (boolean u : newUsed) {
            newLeft |= !u;
        }
        if (!oldLeft || !newLeft) {
            return finish(pairs, oldUsed, newUsed);
        }
        // every sheet of both sets is looked at to learn their common template
        List<SheetFingerprint> oldCache = new ArrayList<>();
        List<SheetFingerprint> newCache = new ArrayList<>();
        for (int i = 0; i < olds.size(); i++) {
            oldCache.add(oldPrints.apply(i));
        }
        for (int j = 0; j < news.size(); j++) {
            newCache.add(newPrints.apply(j));
        }
        List<SheetFingerprint> all = new ArrayList<>(oldCache);
        all.addAll(newCache);
        SheetFingerprint.Template template = SheetFingerprint.Template.of(all);
        for (int i = 0; i < olds.size(); i++) {
            if (oldUsed[i]) {
                continue;
            }
            for (int j = 0; j < news.size(); j++) {
                if (newUsed[j]) {
                    continue;
                }
                double s = oldCache.get(i).similarity(newCache.get(j), template);
                if (s >= MIN_SIMILARITY) {
                    candidates.add(new double[] {s, i, j});
                }
            }
        }
        candidates.sort(Comparator.comparingDouble((double[] c) -> -c[0]));
        for (double[] c : candidates) {
            int i = (int) c[1];
            int j = (int) c[2];
            if (!oldUsed[i] && !newUsed[j]) {
                oldUsed[i] = true;
                newUsed[j] = true;
                pairs.add(new SheetPairing.Pair(i, j, SheetPairing.By.CONTENT, c[0]));
            }
        }
        // a sheet that cannot be read has neither number nor looks: it keeps its place in the set, so that
        // it fails as the sheet it is instead of passing as added and removed
        for (int i = 0; i < olds.size() && i < news.size(); i++) {
            if (!oldUsed[i] && !newUsed[i] && (oldBroken.test(i) || newBroken.test(i))) {
                oldUsed[i] = true;
                newUsed[i] = true;
                pairs.add(new SheetPairing.Pair(i, i, SheetPairing.By.POSITION, Double.NaN));
            }
        }
        return finish(pairs, oldUsed, newUsed);
    }

    private static SheetPairing finish(List<SheetPairing.Pair> pairs, boolean[] oldUsed, boolean[] newUsed) {
        pairs.sort(Comparator.comparingInt(SheetPairing.Pair::newIndex));
        List<Integer> removed = new ArrayList<>();
        for (int i = 0; i < oldUsed.length; i++) {
            if (!oldUsed[i]) {
                removed.add(i);
            }
        }
        List<Integer> added = new ArrayList<>();
        for (int j = 0; j < newUsed.length; j++) {
            if (!newUsed[j]) {
                added.add(j);
            }
        }
        return new SheetPairing(pairs, removed, added);
    }

    /** Sheet numbers that occur once in the set, with their page index. */
    private static Map<String, Integer> uniqueNumbers(List<SheetId> ids) {
        Map<String, Integer> once = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        for (SheetId id : ids) {
            if (id.number() != null) {
                count.merge(id.number(), 1, Integer::sum);
                once.put(id.number(), id.pageIndex());
            }
        }
        once.keySet().removeIf(n -> count.get(n) > 1);
        return once;
    }
}
