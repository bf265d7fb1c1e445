package com.buildtrace.compare.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Changed cells become regions: touching cells join, close groups merge, specks are dropped. */
class RegionBuilderTests {

    /** 144 dpi with 2-pixel cells: one cell is one point. */
    private final RegionBuilder builder = new RegionBuilder(144, 5, 0, 6);

    @Test
    void groupsMergesAndFilters() {
        ChangeCells cells = new ChangeCells(2);
        // an added stroke from (10,10) to (29,10), 4 pixels per cell
        for (int x = 10; x < 30; x++) {
            cells.append(x, 10, 4, 0, 4);
        }
        // a removed word 4 points to its right: merged into the same region as modified
        for (int x = 34; x < 40; x++) {
            cells.append(x, 10, 0, 4, 4);
        }
        // a speck far away: 2 pixels, below the 5-pixel floor
        cells.append(200, 10, 2, 0, 2);
        // a separate removed mark 50 points below
        cells.append(50, 60, 0, 3, 3);
        cells.append(51, 60, 0, 3, 3);

        List<ChangeRegion> regions = builder.build(cells, 1000, 1000, RegionBuilder.ComparedArea.EVERYWHERE);

        assertThat(regions).hasSize(2);
        ChangeRegion first = regions.get(0);
        assertThat(first.id()).isEqualTo("r1");
        assertThat(first.kind()).isEqualTo(ChangeKind.MODIFIED);
        assertThat(first.box().x()).isEqualTo(10.0);
        assertThat(first.box().width()).isEqualTo(30.0);
        assertThat(first.addedPx()).isEqualTo(80);
        assertThat(first.removedPx()).isEqualTo(24);
        assertThat(regions.get(1).kind()).isEqualTo(ChangeKind.REMOVED);
        assertThat(regions.get(1).box().y()).isEqualTo(60.0);
    }

    @Test
    void aRegionIsClippedToTheSheet() {
        ChangeCells cells = new ChangeCells(2);
        cells.append(98, 5, 10, 0, 10);
        cells.append(99, 5, 10, 0, 10);

        ChangeRegion r = builder.build(cells, 99.5, 200, RegionBuilder.ComparedArea.EVERYWHERE).get(0);

        assertThat(r.box().right()).isEqualTo(99.5);
    }
}
