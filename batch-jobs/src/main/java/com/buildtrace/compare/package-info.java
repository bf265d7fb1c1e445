/**
 * The comparison engine: compares two revisions of a drawing set sheet by sheet. Plain Java with no framework,
 * so the command line, a batch step or a test can run it alike. {@link com.buildtrace.compare.SetComparator}
 * is the entry point; each stage lives in its own sub-package (source, content, raster, align, diff, overlay,
 * text).
 */
package com.buildtrace.compare;
