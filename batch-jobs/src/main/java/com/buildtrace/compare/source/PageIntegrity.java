package com.buildtrace.compare.source;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Finds pages of a damaged PDF that PDFBox's lenient parser would hand out as if nothing were wrong: a page
 * whose content, fonts or images lie in the part of the file that is missing would otherwise come out blank
 * or in a substitute font, and be reported as a change. Only dictionary look-ups: cheap enough for every
 * page of a large set.
 */
final class PageIntegrity {

    private PageIntegrity() {
    }

    /** Why the page cannot be trusted, or null. */
    static String problem(PDPage page) {
        COSDictionary d = page.getCOSObject();
        COSBase contents = d.getItem(COSName.CONTENTS);
        if (contents != null && missing(contents)) {
            return "the page's drawing is missing from the file (damaged or truncated PDF)";
        }
        if (contents instanceof COSObject ref && ref.getObject() instanceof COSArray parts) {
            contents = parts;
        }
        if (contents instanceof COSArray parts) {
            for (int i = 0; i < parts.size(); i++) {
                if (missing(parts.get(i))) {
                    return "part of the page's drawing is missing from the file (damaged or truncated PDF)";
                }
            }
        }
        COSDictionary resources = page.getResources() == null ? null : page.getResources().getCOSObject();
        if (resources == null) {
            return null;
        }
        String font = missingEntry(resources, COSName.FONT);
        if (font != null) {
            return "the page uses a font (" + font + ") that is missing from the file (damaged or truncated PDF)";
        }
        String image = missingEntry(resources, COSName.XOBJECT);
        if (image != null) {
            return "the page uses an image or form (" + image + ") that is missing from the file (damaged or "
                    + "truncated PDF)";
        }
        return null;
    }

    /** The name of an entry of the resource category that points nowhere, or null. */
    private static String missingEntry(COSDictionary resources, COSName category) {
        COSBase entries = resources.getDictionaryObject(category);
        if (!(entries instanceof COSDictionary dict)) {
            return null;
        }
        for (COSName name : dict.keySet()) {
            if (missing(dict.getItem(name))) {
                return name.getName();
            }
        }
        return null;
    }

    private static boolean missing(COSBase value) {
        if (value instanceof COSObject ref) {
            COSBase target = ref.getObject();
            return target == null || target instanceof COSNull;
        }
        return value == null || value instanceof COSNull;
    }
}
