/**
 * What a PDF page contains, read from its content stream without rasterizing: the words of the text layer
 * with their positions, and anchor points of the drawn paths. Used for alignment, sheet identification,
 * sheet pairing and the text diff.
 */
package com.buildtrace.compare.content;
