package com.buildtrace.share;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CSV as RFC 4180 has it: CRLF line ends, a field quoted when it holds a comma, a quote or a line break, quotes
 * doubled. UTF-8 with a byte-order mark, so that spreadsheet programs read "→" and accented names right.
 */
public final class Csv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Csv() {
    }

    /** A row that has a CSV form. */
    public interface Row {

        /** The fields, in the order of the header. */
        List<String> fields();
    }

    /** Writes a header and rows to a file. */
    public static void write(Path file, List<String> header, List<? extends Row> rows) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, header, rows);
        }
    }

    /** Writes a header and rows to a stream (left open). */
    public static void write(OutputStream out, List<String> header, List<? extends Row> rows) throws IOException {
        out.write(BOM);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        line(w, header);
        for (Row r : rows) {
            line(w, r.fields());
        }
        w.flush();
    }

    private static void line(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(field(fields.get(i)));
        }
        w.write("\r\n");
    }

    /** One field, quoted when it must be. */
    static String field(String v) {
        if (v == null) {
            return "";
        }
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
