/**
 * The images a person looks at: the overlay (removed ink red, added ink blue, unchanged ink grey), the old
 * sheet aligned into the new sheet's frame, the new sheet, a preview and a thumbnail. Written row by row as
 * the bands are compared, with a fast PNG encoder, so no full-sheet image is ever held.
 */
package com.buildtrace.compare.overlay;
