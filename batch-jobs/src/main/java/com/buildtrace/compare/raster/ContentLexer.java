package com.buildtrace.compare.raster;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a decoded PDF content stream into operands and operators without allocating per number: numbers are
 * parsed straight into doubles, names and operators come back as strings only when read. Just enough of the
 * syntax for page content: numbers, names, literal and hex strings, arrays, booleans and operators; an
 * inline dictionary ({@code <<}) is reported as such, so that the caller can give up.
 */
final class ContentLexer {

    /** Token kinds. */
    enum Kind { NUMBER, NAME, STRING, ARRAY_START, ARRAY_END, DICT, OPERATOR, BOOLEAN, NULL, EOF }

    private final byte[] data;

    private final int end;

    private int pos;

    private double number;

    private String text;

    private byte[] bytes;

    ContentLexer(byte[] data) {
        this.data = data;
        this.end = data.length;
    }

    /** The value of the last NUMBER token. */
    double number() {
        return number;
    }

    /** The text of the last NAME (without the slash) or OPERATOR token. */
    String text() {
        return text;
    }

    /** The bytes of the last STRING token. */
    byte[] bytes() {
        return bytes;
    }

    /** Position in the stream, for error messages. */
    int position() {
        return pos;
    }

    Kind next() {
        skipSpaceAndComments();
        if (pos >= end) {
            return Kind.EOF;
        }
        int c = data[pos] & 0xFF;
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
            readNumber();
            return Kind.NUMBER;
        }
        switch (c) {
            case '/' -> {
                pos++;
                int start = pos;
                while (pos < end && isRegular(data[pos] & 0xFF)) {
                    pos++;
                }
                text = decodeName(start, pos);
                return Kind.NAME;
            }
            case '(' -> {
                readLiteralString();
                return Kind.STRING;
            }
            case '<' -> {
                if (pos + 1 < end && data[pos + 1] == '<') {
                    pos += 2;
                    return Kind.DICT;
                }
                readHexString();
                return Kind.STRING;
            }
            case '[' -> {
                pos++;
                return Kind.ARRAY_START;
            }
            case ']' -> {
                pos++;
                return Kind.ARRAY_END;
            }
            case '>', ')', '{', '}' -> {
                pos++;
                text = String.valueOf((char) c);
                return Kind.OPERATOR;
            }
            default -> {
                int start = pos;
                while (pos < end && isRegular(data[pos] & 0xFF)) {
                    pos++;
                }
                if (pos == start) {
                    pos++;
                }
                text = operator(data, start, pos - start);
                switch (text) {
                    case "true", "false" -> {
                        number = text.equals("true") ? 1 : 0;
                        return Kind.BOOLEAN;
                    }
                    case "null" -> {
                        return Kind.NULL;
                    }
                    default -> {
                        return Kind.OPERATOR;
                    }
                }
            }
        }
    }

    /** The content stream operators (and keywords), shared instead of a new string per token. */
    private static final String[] KNOWN = new String[1024];

    static {
        for (String op : new String[] {"b", "B", "b*", "B*", "BDC", "BI", "BMC", "BT", "BX", "c", "cm", "CS", "cs",
            "d", "d0", "d1", "Do", "DP", "EI", "EMC", "ET", "EX", "f", "F", "f*", "G", "g", "gs", "h", "i", "ID", "j",
            "J", "K", "k", "l", "m", "M", "MP", "n", "q", "Q", "re", "RG", "rg", "ri", "s", "S", "SC", "sc", "SCN",
            "scn", "sh", "T*", "Tc", "Td", "TD", "Tf", "Tj", "TJ", "TL", "Tm", "Tr", "Ts", "Tw", "Tz", "v", "w", "W",
            "W*", "y", "'", "\"", "true", "false", "null"}) {
            byte[] b = op.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            int slot = slot(b, 0, b.length);
            if (KNOWN[slot] == null) {
                KNOWN[slot] = op;
            }
        }
    }

    private static int slot(byte[] d, int start, int len) {
        int h = len;
        for (int i = 0; i < len; i++) {
            h = h * 31 + d[start + i];
        }
        return (h ^ (h >>> 10)) & (KNOWN.length - 1);
    }

    /** The operator's name: the shared string of a known one, else a new string. */
    private static String operator(byte[] d, int start, int len) {
        if (len <= 5) {
            String known = KNOWN[slot(d, start, len)];
            if (known != null && known.length() == len) {
                boolean same = true;
                for (int i = 0; i < len && same; i++) {
                    same = known.charAt(i) == (d[start + i] & 0xFF);
                }
                if (same) {
                    return known;
                }
            }
        }
        return new String(d, start, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * Skips the data of an inline image after its ID operator: up to and including the EI that stands alone
     * between white space.
     */
    void skipInlineImageData() {
        pos++; // the single white-space byte after ID
        while (pos + 2 < end) {
            if (data[pos] == 'E' && data[pos + 1] == 'I' && isSpace(data[pos - 1] & 0xFF)
                    && (pos + 2 >= end || !isRegular(data[pos + 2] & 0xFF))) {
                pos += 2;
                return;
            }
            pos++;
        }
        pos = end;
    }

    private void skipSpaceAndComments() {
        while (pos < end) {
            int c = data[pos] & 0xFF;
            if (isSpace(c)) {
                pos++;
            } else if (c == '%') {
                while (pos < end && data[pos] != '\n' && data[pos] != '\r') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private void readNumber() {
        boolean negative = false;
        int c = data[pos];
        if (c == '-' || c == '+') {
            negative = c == '-';
            pos++;
            // PDF writers sometimes emit "--5" or "-+5"; readers take the last sign
            while (pos < end && (data[pos] == '-' || data[pos] == '+')) {
                negative = data[pos] == '-';
                pos++;
            }
        }
        long whole = 0;
        int digits = 0;
        while (pos < end && data[pos] >= '0' && data[pos] <= '9') {
            if (digits < 18) {
                whole = whole * 10 + (data[pos] - '0');
            } else {
                whole *= 10; // beyond any real coordinate; keeps the magnitude
            }
            digits++;
            pos++;
        }
        double value = whole;
        if (pos < end && data[pos] == '.') {
            pos++;
            long frac = 0;
            double scale = 1;
            int fracDigits = 0;
            while (pos < end && data[pos] >= '0' && data[pos] <= '9') {
                if (fracDigits < 17) {
                    frac = frac * 10 + (data[pos] - '0');
                    scale *= 10;
                    fracDigits++;
                }
                pos++;
            }
            value += frac / scale;
        }
        // a stray minus inside a number ("0.5-0.2") ends it, as in other readers
        number = negative ? -value : value;
    }

    private void readLiteralString() {
        pos++;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int depth = 1;
        while (pos < end) {
            int c = data[pos++] & 0xFF;
            if (c == '\\' && pos < end) {
                int e = data[pos++] & 0xFF;
                switch (e) {
                    case 'n' -> out.write('\n');
                    case 'r' -> out.write('\r');
                    case 't' -> out.write('\t');
                    case 'b' -> out.write('\b');
                    case 'f' -> out.write('\f');
                    case '\r' -> {
                        if (pos < end && data[pos] == '\n') {
                            pos++;
                        }
                    }
                    case '\n' -> {
                        // line continuation
                    }
                    default -> {
                        if (e >= '0' && e <= '7') {
                            int v = e - '0';
                            for (int i = 0; i < 2 && pos < end && data[pos] >= '0' && data[pos] <= '7'; i++) {
                                v = v * 8 + (data[pos++] - '0');
                            }
                            out.write(v & 0xFF);
                        } else {
                            out.write(e);
                        }
                    }
                }
            } else if (c == '(') {
                depth++;
                out.write(c);
            } else if (c == ')') {
                if (--depth == 0) {
                    break;
                }
                out.write(c);
            } else {
                out.write(c);
            }
        }
        bytes = out.toByteArray();
    }

    private void readHexString() {
        pos++;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int hi = -1;
        while (pos < end) {
            int c = data[pos++] & 0xFF;
            if (c == '>') {
                break;
            }
            int v = Character.digit(c, 16);
            if (v < 0) {
                continue;
            }
            if (hi < 0) {
                hi = v;
            } else {
                out.write(hi * 16 + v);
                hi = -1;
            }
        }
        if (hi >= 0) {
            out.write(hi * 16);
        }
        bytes = out.toByteArray();
    }

    private String decodeName(int start, int stop) {
        boolean escaped = false;
        for (int i = start; i < stop; i++) {
            if (data[i] == '#') {
                escaped = true;
                break;
            }
        }
        if (!escaped) {
            return new String(data, start, stop - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        List<Byte> out = new ArrayList<>();
        for (int i = start; i < stop; i++) {
            if (data[i] == '#' && i + 2 < stop + 1 && i + 2 <= stop - 0 && i + 2 < data.length) {
                int h = Character.digit(data[i + 1], 16);
                int l = Character.digit(data[i + 2], 16);
                if (h >= 0 && l >= 0) {
                    out.add((byte) (h * 16 + l));
                    i += 2;
                    continue;
                }
            }
            out.add(data[i]);
        }
        byte[] b = new byte[out.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = out.get(i);
        }
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    static boolean isSpace(int c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
    }

    static boolean isRegular(int c) {
        return !isSpace(c) && c != '(' && c != ')' && c != '<' && c != '>' && c != '[' && c != ']' && c != '{'
                && c != '}' && c != '/' && c != '%';
    }
}
