/**
 * Drawing sets of a project and their revisions: multipart uploads of one or several files as one revision
 * (content sniffed, SHA-256 recorded, duplicates refused), lists, downloads of the originals.
 */
package com.buildtrace.api.drawingset;
