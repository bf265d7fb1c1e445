package com.buildtrace.api.drawingset;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file a drawing set may hold, recognised by their first bytes (never by name or declared
 * type).
 */
enum FileType {

    PDF("pdf", "application/pdf"),
    PNG("png", "image/png"),
    JPEG("jpg", "image/jpeg"),
    TIFF("tif", "image/tiff");

    /** Bytes needed to tell the types apart (a PDF header may follow some junk within its first 1024 bytes). */
    static final int SNIFF_BYTES = 1024;

    private final String extension;

    private final String mediaType;

    FileType(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    String extension() {
        return extension;
    }

    String mediaType() {
        return mediaType;
    }

    /** The type of a file from its first bytes, if it is one of these. */
    static Optional<FileType> sniff(byte[] head, int length) {
        if (startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, length, 'I', 'I', 42, 0) || startsWith(head, length, 'M', 'M', 0, 42)) {
            return Optional.of(TIFF);
        }
        byte[] pdf = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i + pdf.length <= Math.min(length, SNIFF_BYTES); i++) {
            if (Arrays.equals(head, i, i + pdf.length, pdf, 0, pdf.length)) {
                return Optional.of(PDF);
            }
        }
        return Optional.empty();
    }

    /** What a file that is none of these looks like, for the error message. */
    static String describe(byte[] head, int length) {
        String text = new String(head, 0, Math.min(length, 16), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (startsWith(head, length, 'P', 'K', 3, 4)) {
            return "a ZIP archive (or an Office document)";
        }
        if (text.stripLeading().startsWith("<")) {
            return "an HTML or XML document";
        }
        return "unrecognised content";
    }

    private static boolean startsWith(byte[] head, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
