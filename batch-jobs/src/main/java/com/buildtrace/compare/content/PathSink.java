package com.buildtrace.compare.content;

import java.awt.Shape;
import java.awt.geom.AffineTransform;

/**
 * Told the whole geometry of every painted path (curves included, not only end points), for readers that
 * look for shapes such as revision clouds.
 */
@FunctionalInterface
public interface PathSink {

    /**
     * A path was painted.
     *
     * @param path the path in PDF user space
     * @param toDisplay maps user space to displayed points (origin top-left, y down, rotation applied)
     * @param stroked true when it was stroked (outlines), false when only filled
     */
    void painted(Shape path, AffineTransform toDisplay, boolean stroked);
}
