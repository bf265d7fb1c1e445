package com.buildtrace.compare.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TileGridTests {

    @Test
    void aSheetAt300DpiHasSixLevelsDownToOneTile() {
        // given: a 42 x 30 in sheet at 300 dpi
        TileGrid grid = TileGrid.of(12600, 9000);

        // then
        assertThat(grid.levels()).isEqualTo(6);
        assertThat(IntStream.range(0, 6).map(grid::width)).containsExactly(394, 788, 1575, 3150, 6300, 12600);
        assertThat(IntStream.range(0, 6).map(grid::height)).containsExactly(282, 563, 1125, 2250, 4500, 9000);
        assertThat(IntStream.range(0, 6).map(l -> grid.columns(l) * grid.rows(l)))
                .containsExactly(1, 4, 12, 35, 117, 450);
        assertThat(grid.tileCount()).isEqualTo(619);
        assertThat(grid.columns(5)).isEqualTo(25);
        assertThat(grid.rows(5)).isEqualTo(18);
    }

    @Test
    void anImageThatFitsOneTileIsOneLevel() {
        assertThat(TileGrid.of(512, 300).levels()).isEqualTo(1);
        assertThat(TileGrid.of(513, 300).levels()).isEqualTo(2);
        assertThat(TileGrid.of(513, 300).width(0)).isEqualTo(257);
        assertThat(TileGrid.of(1, 1).tileCount()).isEqualTo(1);
    }

    @Test
    void ordinalsNumberTheTilesLevelByLevelRowByRow() {
        TileGrid grid = new TileGrid(1000, 600, 256);

        // levels: 250 x 150 (1 tile), 500 x 300 (2 x 2), 1000 x 600 (4 x 3)
        assertThat(grid.levels()).isEqualTo(3);
        assertThat(grid.ordinal(0, 0, 0)).isZero();
        assertThat(grid.ordinal(1, 1, 0)).isEqualTo(2);
        assertThat(grid.ordinal(1, 0, 1)).isEqualTo(3);
        assertThat(grid.ordinal(2, 0, 0)).isEqualTo(5);
        assertThat(grid.ordinal(2, 3, 2)).isEqualTo(grid.tileCount() - 1);
        assertThat(grid.contains(2, 4, 0)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> grid.ordinal(3, 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new TileGrid(100, 100, 15));
    }
}
