/**
 * Revision clouds and delta tags on a sheet, and the unclouded-change audit: which changes carry no cloud, and
 * which clouds surround no change. Clouds are read from the vector content (scalloped closed curves, drawn as
 * one path or as a chain of arcs) or, on scans, from the coloured markup in the raster.
 */
package com.buildtrace.compare.clouds;
