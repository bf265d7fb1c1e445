/**
 * Aligning the old sheet onto the new one (re-plots shift, scale and rotate whole sheets): exactly from the
 * vector content where there is some (matching words, then path end points), else from pixels with OpenCV's
 * ECC on a small pyramid. The result is a 2x3 matrix in points with a confidence; a pair that cannot be
 * aligned is reported as such.
 */
package com.buildtrace.compare.align;
