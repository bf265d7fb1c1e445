package com.buildtrace.share;

import com.buildtrace.compare.SetComparison;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes what a team shares into a comparison's folder once the comparison is done: {@code annotated.pdf},
 * {@code changes.csv} and {@code sheets.csv} (trade and severity from {@code summary.json} when it is there).
 */
public final class ShareFiles {

    private ShareFiles() {
    }

    /**
     * @return the files written, by artifact kind (annotated-pdf, changes-csv, sheets-csv)
     */
    public static Map<String, Path> write(SetComparison result, Path folder) throws IOException {
        Map<String, Path> written = new LinkedHashMap<>();
        written.put("changes-csv", writeChanges(result, folder));
        Path sheets = folder.resolve(Triage.SHEETS_CSV);
        Csv.write(sheets, SheetRow.HEADER, Triage.sheets(result.pages()));
        written.put("sheets-csv", sheets);
        Path pdf = folder.resolve(AnnotatedPdfWriter.FILE);
        new AnnotatedPdfWriter().write(result, pdf);
        written.put("annotated-pdf", pdf);
        return written;
    }

    /**
     * Writes {@code changes.csv} alone: again after the summary changed (regenerated, edited), whose trade and
     * severity it carries.
     *
     * @return the file
     */
    public static Path writeChanges(SetComparison result, Path folder) throws IOException {
        SummaryNotes notes = SummaryNotes.read(folder.resolve("summary.json"));
        Path changes = folder.resolve(Triage.CHANGES_CSV);
        Csv.write(changes, ChangeRow.HEADER, Triage.changes(result.pages(), notes));
        return changes;
    }
}
