package com.buildtrace.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.buildtrace.compare.raster.GrayImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pairing is by identity: sheet numbers first, then content; page order never decides. */
class SheetPairerTests {

    private final SheetPairer pairer = new SheetPairer();

    @Test
    void pairsReorderedSheetsByNumberAndReportsAddedAndRemovedOnes() {
        List<SheetId> olds = List.of(id("A-101", 0), id("A-102", 1), id("S-101", 2), id("E-101", 3));
        List<SheetId> news = List.of(id("S-101", 0), id("A-101", 1), id("A-501", 2), id("A-102", 3));

        SheetPairing p = pairer.pair(olds, news, i -> blank(), j -> blank(), i -> false, j -> false);

        assertThat(p.pairs()).extracting(SheetPairing.Pair::oldIndex, SheetPairing.Pair::newIndex,
                SheetPairing.Pair::by).containsExactly(
                        tuple(2, 0, SheetPairing.By.NUMBER), tuple(0, 1, SheetPairing.By.NUMBER),
                        tuple(1, 3, SheetPairing.By.NUMBER));
        assertThat(p.removed()).containsExactly(3);
        assertThat(p.added()).containsExactly(2);
    }

    @Test
    void pairsSheetsWithoutNumbersByContentAndLeavesStrangersUnpaired() {
        List<SheetId> olds = List.of(SheetId.ofPage(0), SheetId.ofPage(1), SheetId.ofPage(2));
        List<SheetId> news = List.of(SheetId.ofPage(0), SheetId.ofPage(1), SheetId.ofPage(2));
        SheetFingerprint[] oldPrints = {print(1), print(2), print(3)};
        SheetFingerprint[] newPrints = {print(3), print(4), print(1)};

        SheetPairing p = pairer.pair(olds, news, i -> oldPrints[i], j -> newPrints[j], i -> false, j -> false);

        assertThat(p.pairs()).extracting(SheetPairing.Pair::oldIndex, SheetPairing.Pair::newIndex,
                SheetPairing.Pair::by).containsExactly(
                        tuple(2, 0, SheetPairing.By.CONTENT), tuple(0, 2, SheetPairing.By.CONTENT));
        assertThat(p.removed()).containsExactly(1);
        assertThat(p.added()).containsExactly(1);
    }

    @Test
    void aRenumberedSheetPairsByContent() {
        List<SheetId> olds = List.of(id("A-101", 0), id("A-102", 1));
        List<SheetId> news = List.of(id("A-101", 0), id("A-103", 1));
        SheetFingerprint[] prints = {print(1), print(2)};

        SheetPairing p = pairer.pair(olds, news, i -> prints[i], j -> prints[j], i -> false, j -> false);

        assertThat(p.pairs()).extracting(SheetPairing.Pair::oldIndex, SheetPairing.Pair::newIndex,
                SheetPairing.Pair::by).containsExactly(tuple(0, 0, SheetPairing.By.NUMBER),
                        tuple(1, 1, SheetPairing.By.CONTENT));
        assertThat(p.added()).isEmpty();
        assertThat(p.removed()).isEmpty();
    }

    @Test
    void anUnreadableSheetKeepsItsPlaceInsteadOfPassingAsAddedAndRemoved() {
        List<SheetId> olds = List.of(id("A-101", 0), id("A-102", 1), id("A-103", 2));
        List<SheetId> news = List.of(id("A-101", 0), SheetId.ofPage(1), id("A-103", 2));

        SheetPairing p = pairer.pair(olds, news, i -> print(i + 1), j -> blank(), i -> false, j -> j == 1);

        assertThat(p.pairs()).extracting(SheetPairing.Pair::oldIndex, SheetPairing.Pair::newIndex,
                SheetPairing.Pair::by).contains(tuple(1, 1, SheetPairing.By.POSITION));
        assertThat(p.added()).isEmpty();
        assertThat(p.removed()).isEmpty();
    }

    @Test
    void oneSheetAgainstOneIsAlwaysAPair() {
        SheetPairing p = pairer.pair(List.of(id("A-101", 0)), List.of(id("M-201", 0)), i -> print(1), j -> print(9),
                i -> false, j -> false);

        assertThat(p.pairs()).extracting(SheetPairing.Pair::by).containsExactly(SheetPairing.By.ONLY_SHEETS);
    }

    private static SheetId id(String number, int page) {
        return new SheetId(number, null, page, SheetId.Source.TEXT, 2);
    }

    private static SheetFingerprint blank() {
        return SheetFingerprint.of(List.of(), new GrayImage(new byte[] {(byte) 255}, 1, 1, 72), 1224, 792);
    }

    /** A sheet whose picture is a few dark squares placed by the seed, and words to match. */
    private static SheetFingerprint print(int seed) {
        int w = 240;
        int h = 155;
        byte[] px = new byte[w * h];
        java.util.Arrays.fill(px, (byte) 255);
        java.util.Random r = new java.util.Random(seed);
        for (int k = 0; k < 12; k++) {
            int x0 = r.nextInt(w - 20);
            int y0 = r.nextInt(h - 20);
            for (int y = y0; y < y0 + 12; y++) {
                for (int x = x0; x < x0 + 16; x++) {
                    px[y * w + x] = 0;
                }
            }
        }
        Map<String, Integer> words = Map.of("SHEET" + seed, 20, "NOTE" + seed, 5);
        return new SheetFingerprint(words, SheetFingerprint.density(new GrayImage(px, w, h, 14)), 1224, 792);
    }
}
