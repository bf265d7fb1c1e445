/**
 * Small geometry values shared by the comparison stages: boxes in points and the affine transforms between
 * sheets.
 */
package com.buildtrace.compare.geom;
