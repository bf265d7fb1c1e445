package com.buildtrace.compare.clouds;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.compare.CompareListener;
import com.buildtrace.compare.CompareOptions;
import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.SetComparator;
import com.buildtrace.compare.diff.ChangeRegion;
import com.buildtrace.compare.text.TextChange;
import com.buildtrace.fixtures.CloudedSheets;
import com.buildtrace.fixtures.Sheets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unclouded-change audit on a compared pair: a change inside a cloud, a change nobody clouded, a cloud
 * around nothing, and the new clouds and delta themselves, which are revision marks rather than changes.
 */
class CloudAuditIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void reportsTheChangeWithoutACloudAndTheCloudAroundNothing() throws IOException {
        // given
        Path oldFile = Sheets.write(dir.resolve("a.pdf"), Sheets.Sheet.of("A-101", CloudedSheets.OLD));
        Path newFile = Sheets.write(dir.resolve("b.pdf"), Sheets.Sheet.of("A-101", CloudedSheets.NEW));

        // when
        PageComparison page = compare(oldFile, newFile).get(0);

        // then: the region of each note is found by its text change
        String clouded = regionOf(page, "NEW CASEWORK");
        String unclouded = regionOf(page, "ADDED NOTE BY OTHERS");
        CloudAudit audit = page.cloudAudit();
        assertThat(audit.clouds()).extracting(RevisionCloud::id).containsExactly("c1", "c2");
        assertThat(audit.clouds().get(0).regionIds()).containsExactly(clouded);
        assertThat(audit.clouds().get(0).revision()).isEqualTo("2");
        assertThat(audit.uncloudedRegionIds()).containsExactly(unclouded);
        assertThat(audit.emptyCloudIds()).containsExactly("c2");
        // every other region is a revision mark: the two clouds drawn and the delta tag
        List<String> others = page.regions().stream().map(ChangeRegion::id)
                .filter(id -> !id.equals(clouded) && !id.equals(unclouded)).toList();
        assertThat(others).isNotEmpty();
        assertThat(audit.markRegionIds()).containsExactlyInAnyOrderElementsOf(others);
        assertThat(audit.hasFindings()).isTrue();
        assertThat(page.stageMillis()).containsKey("clouds");
    }

    @Test
    void anUnchangedSheetWithAnOldCloudReportsTheCloudAsAroundNothing() throws IOException {
        // given: both revisions carry the same cloud (left over from an earlier revision)
        Path oldFile = Sheets.write(dir.resolve("a.pdf"), Sheets.Sheet.of("A-101", CloudedSheets.NEW));
        Path newFile = Sheets.write(dir.resolve("b.pdf"), Sheets.Sheet.of("A-101", CloudedSheets.NEW));

        // when
        PageComparison page = compare(oldFile, newFile).get(0);

        // then
        assertThat(page.regions()).isEmpty();
        assertThat(page.cloudAudit().emptyCloudIds()).containsExactly("c1", "c2");
        assertThat(page.cloudAudit().uncloudedRegionIds()).isEmpty();
    }

    @Test
    void takingOffTheLastRevisionsCloudsIsNotAnUncloudedChange() throws IOException {
        // given: the old revision had the clouds, the new one is the plan with the notes but no clouds
        Path oldFile = Sheets.write(dir.resolve("a.pdf"), Sheets.Sheet.of("A-101", CloudedSheets.NEW));
        Path newFile = Sheets.write(dir.resolve("b.pdf"), Sheets.Sheet.of("A-101", c -> {
            Sheets.PLAN.draw(c);
            c.text(CloudedSheets.CLOUDED_NOTE[0], CloudedSheets.CLOUDED_NOTE[1], "NEW CASEWORK", 10);
            c.text(CloudedSheets.UNCLOUDED_NOTE[0], CloudedSheets.UNCLOUDED_NOTE[1], "ADDED NOTE BY OTHERS", 9);
        }));

        // when
        PageComparison page = compare(oldFile, newFile).get(0);

        // then: the removed clouds and delta are marks, and no cloud is left to audit
        assertThat(page.regions()).isNotEmpty();
        assertThat(page.cloudAudit().clouds()).isEmpty();
        assertThat(page.cloudAudit().markRegionIds()).hasSize(page.regions().size());
        assertThat(page.cloudAudit().uncloudedRegionIds()).isEmpty();
    }

    @Test
    void aNewCloudAroundANewWallSurroundsThatChangeThoughBothAreOneRegion() throws IOException {
        // given: a partition wall added inside the new cloud (line work only, no text)
        Path oldFile = Sheets.write(dir.resolve("a.pdf"), Sheets.Sheet.of("A-101", CloudedSheets.OLD));
        Path newFile = Sheets.write(dir.resolve("b.pdf"), Sheets.Sheet.of("A-101", c -> {
            Sheets.PLAN.draw(c);
            c.wall(220, 290, 340, 290, 5);
            c.revisionCloud(CloudedSheets.CLOUDED.x(), CloudedSheets.CLOUDED.y(), CloudedSheets.CLOUDED.width(),
                    CloudedSheets.CLOUDED.height(), 14, 1, false);
        }));

        // when
        PageComparison page = compare(oldFile, newFile).get(0);

        // then: one region, cloud and wall, and the cloud surrounds it
        assertThat(page.regions()).hasSize(1);
        CloudAudit audit = page.cloudAudit();
        assertThat(audit.clouds()).singleElement().satisfies(
                c -> assertThat(c.regionIds()).containsExactly(page.regions().get(0).id()));
        assertThat(audit.emptyCloudIds()).isEmpty();
        assertThat(audit.uncloudedRegionIds()).isEmpty();
        assertThat(audit.markRegionIds()).isEmpty();
    }

    private List<PageComparison> compare(Path oldFile, Path newFile) throws IOException {
        return new SetComparator().compare(oldFile, newFile, dir.resolve("out"),
                CompareOptions.defaults().withFullImages(false), CompareListener.NONE).pages();
    }

    private static String regionOf(PageComparison page, String newText) {
        return page.textChanges().stream().filter(t -> newText.equals(t.newText())).map(TextChange::regionId)
                .findFirst().orElseThrow(() -> new AssertionError("no text change " + newText + " in "
                        + page.textChanges()));
    }
}
