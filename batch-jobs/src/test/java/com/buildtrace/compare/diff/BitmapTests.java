package com.buildtrace.compare.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The packed ink masks and their morphology, checked against plain per-pixel definitions. */
class BitmapTests {

    @Test
    void thresholdSplitsDarkAndLightInk() {
        int w = 70;
        byte[] gray = new byte[w * 2];
        java.util.Arrays.fill(gray, (byte) 255);
        gray[3] = 0;
        gray[65] = (byte) 200;
        gray[w + 69] = (byte) 100;
        Bitmap dark = new Bitmap(w, 2);
        Bitmap any = new Bitmap(w, 2);

        Bitmap.threshold(gray, 0, w, 2, 160, 250, dark, any);

        assertThat(dark.count()).isEqualTo(2);
        assertThat(dark.get(3, 0)).isTrue();
        assertThat(dark.get(69, 1)).isTrue();
        assertThat(any.count()).isEqualTo(3);
        assertThat(any.get(65, 0)).isTrue();
    }

    @Test
    void subtractDilatedKeepsOnlyPixelsWithNoOtherInkNearby() {
        Random random = new Random(7);
        int w = 150;
        int h = 40;
        for (int r = 0; r <= 2; r++) {
            Bitmap a = randomBitmap(w, h, random);
            Bitmap b = randomBitmap(w, h, random);
            Bitmap out = new Bitmap(w, h - 4);

            a.subtractDilated(b, r, out, 2);

            for (int y = 0; y < h - 4; y++) {
                for (int x = 0; x < w; x++) {
                    boolean expected = a.get(x, y + 2) && !anyNear(b, x, y + 2, r);
                    assertThat(out.get(x, y)).as("r=%d at %d,%d", r, x, y).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void openingDropsOnePixelSliversAndKeepsSolidMarks() {
        Bitmap m = new Bitmap(100, 10);
        for (int x = 10; x < 60; x++) {
            m.set(x, 2); // a one-pixel-high sliver
        }
        for (int y = 5; y < 8; y++) {
            for (int x = 62; x < 66; x++) {
                m.set(x, y); // a 4 x 3 mark across a word boundary
            }
        }

        m.open2x2();

        assertThat(m.count()).isEqualTo(12);
        assertThat(m.get(62, 5)).isTrue();
        assertThat(m.get(30, 2)).isFalse();
    }

    private static boolean anyNear(Bitmap b, int x, int y, int r) {
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                int xx = x + dx;
                int yy = y + dy;
                if (xx >= 0 && yy >= 0 && xx < b.width() && yy < b.height() && b.get(xx, yy)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Bitmap randomBitmap(int w, int h, Random random) {
        Bitmap m = new Bitmap(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (random.nextInt(9) == 0) {
                    m.set(x, y);
                }
            }
        }
        return m;
    }
}
