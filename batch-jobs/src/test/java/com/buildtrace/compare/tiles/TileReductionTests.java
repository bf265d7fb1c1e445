package com.buildtrace.compare.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.compare.overlay.OverlayRenderer;
import org.junit.jupiter.api.Test;

class TileReductionTests {

    private static final int PAPER = OverlayRenderer.PAPER;

    private static final int LIGHT = OverlayRenderer.LIGHT;

    private static final int DARK = OverlayRenderer.DARK;

    private static final int REMOVED = OverlayRenderer.REMOVED;

    private static final int ADDED = OverlayRenderer.ADDED;

    @Test
    void onTheOverlayAChangedPixelWinsItsBlock() {
        TileReduction r = TileReduction.OVERLAY;

        assertThat(r.reduce(PAPER, PAPER, PAPER, ADDED)).isEqualTo(ADDED);
        assertThat(r.reduce(DARK, DARK, DARK, REMOVED)).isEqualTo(REMOVED);
        assertThat(r.reduce(ADDED, ADDED, REMOVED, DARK)).as("more added than removed").isEqualTo(ADDED);
        assertThat(r.reduce(ADDED, REMOVED, PAPER, PAPER)).as("a tie").isEqualTo(REMOVED);
        assertThat(r.reduce(LIGHT, PAPER, DARK, LIGHT)).isEqualTo(DARK);
        assertThat(r.reduce(LIGHT, PAPER, PAPER, PAPER)).isEqualTo(LIGHT);
        assertThat(r.reduce(PAPER, PAPER, PAPER, PAPER)).isEqualTo(PAPER);
    }

    @Test
    void onASheetALineKeepsItsDarknessAndADotFades() {
        TileReduction r = TileReduction.GRAY;

        assertThat(r.reduce(0, 15, 0, 15)).as("a vertical line one pixel wide").isZero();
        assertThat(r.reduce(15, 15, 0, 0)).as("a horizontal line").isZero();
        assertThat(r.reduce(15, 0, 15, 15)).as("a lone dot").isEqualTo(7);
        assertThat(r.reduce(15, 15, 15, 15)).isEqualTo(15);
        assertThat(r.reduce(6, 9, 12, 3)).as("the mean of the two darkest").isEqualTo(4);
    }

    @Test
    void packedBytesReduceLikeTheirPixels() {
        for (TileReduction r : TileReduction.values()) {
            assertThat(r.reduce(0x3F, 0x70)).isEqualTo(r.reduce(3, 15, 7, 0));
            assertThat(r.reduce(0xA1, 0x4C)).isEqualTo(r.reduce(10, 1, 4, 12));
        }
    }
}
