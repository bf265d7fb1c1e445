/**
 * Reading drawing sets: a PDF (one sheet per page) or an image (PNG, JPEG, TIFF), validated up front so that
 * a bad file or page is reported with its name and page number.
 */
package com.buildtrace.compare.source;
