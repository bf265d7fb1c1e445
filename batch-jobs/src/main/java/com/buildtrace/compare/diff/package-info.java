/**
 * Finding what changed between two aligned sheets: ink masks packed 64 pixels to a word, a tolerance that
 * absorbs anti-aliasing and re-plot noise by comparing each sheet against the other one grown by a pixel or
 * two (never by eroding the difference, which would erase thin lines), and grouping of the changed pixels
 * into regions.
 */
package com.buildtrace.compare.diff;
