package com.buildtrace.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.PageStatus;
import com.buildtrace.compare.diff.ChangeKind;
import com.buildtrace.compare.diff.ChangeRegion;
import com.buildtrace.compare.geom.Box;
import com.buildtrace.compare.text.TextChange;
import com.buildtrace.sheets.SheetId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The set triage rows from compared sheets, their CSV form (RFC 4180) and their JSON form. */
class TriageTests {

    private static final double[] ARCH_D = {2592, 1728};

    /** two regions, one with a replaced dimension; S-101: one large region; E-101 unchanged; one added. */
    private static final List<PageComparison> PAGES = List.of(
            pair("E-101", "POWER PLAN", 0, List.of(), List.of()),
            pair("A-101", "FLOOR PLAN, LEVEL 1", 1,
                    List.of(region("r1", ChangeKind.MODIFIED, 100, 200, 40, 12, 30),
                            region("r2", ChangeKind.ADDED, 900, 300, 10, 10, 50)),
                    List.of(new TextChange(TextChange.Kind.REPLACED, "12'-6\"", "13'-0\"", new Box(100, 200, 40, 12),
                            "r1"))),
            pair("S-101", "FOUNDATION PLAN", 2, List.of(region("r1", ChangeKind.REMOVED, 50, 60, 300, 200, 4000)),
                    List.of()),
            new PageComparison(null, new SheetId("A-501", "DETAILS", 3, SheetId.Source.TEXT, 1), PageStatus.ADDED,
                    null, null, ARCH_D, null, List.of(), List.of(), null, 0, 0, null, 10, Map.of()));

    @Test
    void sheetsAreRankedByAmountOfChangeWithTheirShareOfChangedArea() {
        List<SheetRow> rows = Triage.sheets(PAGES);

        assertThat(rows).extracting(SheetRow::rank, SheetRow::sheet, SheetRow::status, SheetRow::regions,
                SheetRow::textChanges).containsExactly(
                tuple(1, "S-101", "changed", 1, 0),
                tuple(2, "A-101", "changed", 2, 1),
                tuple(3, "A-501", "added", 0, 0),
                tuple(4, "E-101", "unchanged", 0, 0));
        assertThat(rows.get(0).changedAreaPercent()).isCloseTo(100.0 * 4000 / (2592 * 1728), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(rows.get(0).newPage()).isEqualTo(3);
        assertThat(rows.get(2).oldPage()).isNull();
    }

    @Test
    void changesCarryTheirBoxTextAndTheSummarysTradeAndSeverity() {
        // given: an AI summary that gives trade and severity for A-101's r1
        JsonNode summary = JsonMapper.builder().build().readTree("""
                {"kind": "ai", "sheets": [{"sheet": "A-101", "summary": "Door moved.",
                  "changes": [{"title": "Dimension revised", "trade": "Architectural", "severity": "medium",
                               "regionIds": ["r1"]}]}]}""");

        // when
        List<ChangeRow> rows = Triage.changes(PAGES, SummaryNotes.of(summary));

        // then: ranked sheets first, regions in reading order
        assertThat(rows).extracting(ChangeRow::sheet, ChangeRow::regionId, ChangeRow::kind, ChangeRow::trade,
                ChangeRow::severity).containsExactly(
                tuple("S-101", "r1", "removed", null, null),
                tuple("A-101", "r1", "modified", "Architectural", "medium"),
                tuple("A-101", "r2", "added", null, null));
        ChangeRow r1 = rows.get(1);
        assertThat(r1.oldText()).isEqualTo("12'-6\"");
        assertThat(r1.newText()).isEqualTo("13'-0\"");
        assertThat(r1.text()).isEqualTo("12'-6\" → 13'-0\"");
        assertThat(r1.title()).isEqualTo("FLOOR PLAN, LEVEL 1");
        assertThat(r1.newPage()).isEqualTo(2);
        assertThat(r1.x()).isEqualTo(100.0);
        assertThat(r1.cloud()).isNull();
    }

    @Test
    void csvQuotesCommasQuotesAndLineBreaksAsRfc4180Has() throws IOException {
        List<ChangeRow> rows = Triage.changes(PAGES, SummaryNotes.none());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Csv.write(out, ChangeRow.HEADER, rows);

        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n", -1);
        assertThat(lines[0]).isEqualTo(String.join(",", ChangeRow.HEADER));
        assertThat(lines[2]).isEqualTo("A-101,\"FLOOR PLAN, LEVEL 1\",2,modified,r1,100.0,200.0,40.0,12.0,"
                + "\"12'-6\"\"\",\"13'-0\"\"\",\"12'-6\"\" → 13'-0\"\"\",,,");
        assertThat(lines).hasSize(rows.size() + 2);
        assertThat(lines[lines.length - 1]).isEmpty();
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.field("plain")).isEqualTo("plain");
    }

    @Test
    void rowsSerialiseToJsonAsTheyAre() {
        ChangeRow row = Triage.changes(PAGES, SummaryNotes.none()).get(1);

        JsonNode json = JsonMapper.builder().build().valueToTree(row);

        assertThat(json.get("sheet").asString()).isEqualTo("A-101");
        assertThat(json.get("regionId").asString()).isEqualTo("r1");
        assertThat(json.get("width").asDouble()).isEqualTo(40.0);
        assertThat(json.get("text").asString()).isEqualTo("12'-6\" → 13'-0\"");
        assertThat(json.has("fields")).isFalse();
    }

    private static PageComparison pair(String number, String title, int page, List<ChangeRegion> regions,
                                       List<TextChange> texts) {
        SheetId id = new SheetId(number, title, page, SheetId.Source.TEXT, 1);
        double area = regions.stream().mapToDouble(ChangeRegion::changedAreaPt2).sum();
        return new PageComparison(id, id, regions.isEmpty() ? PageStatus.UNCHANGED : PageStatus.CHANGED, null,
                ARCH_D, ARCH_D, null, regions, texts, null, 150, area, null, 100, Map.of());
    }

    private static ChangeRegion region(String id, ChangeKind kind, double x, double y, double w, double h,
                                       double area) {
        return new ChangeRegion(id, new Box(x, y, w, h), kind, 10, 10, area);
    }
}
