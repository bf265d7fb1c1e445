/**
 * Turning sheets into grey pixels: PDF pages through PDFBox, images through Java2D, in bands of rows so that
 * memory does not grow with sheet size, and always straight into the frame of the sheet they are compared
 * with (an old sheet is drawn through the alignment transform, never resampled afterwards).
 */
package com.buildtrace.compare.raster;
