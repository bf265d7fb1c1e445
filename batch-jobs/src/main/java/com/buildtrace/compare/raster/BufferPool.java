package com.buildtrace.compare.raster;

import java.util.ArrayList;
import java.util.List;

/**
 * Reusable pixel buffers. On the machines we run on, the first write to a fresh 100 MB array costs a few
 * hundred milliseconds of page faults; reusing buffers across bands and sheets avoids paying it again.
 */
public final class BufferPool {

    private final List<byte[]> free = new ArrayList<>();

    private final int maxIdle;

    public BufferPool(int maxIdle) {
        this.maxIdle = maxIdle;
    }

    /** A buffer of at least {@code size} bytes, with unspecified content. */
    public synchronized byte[] take(int size) {
        byte[] best = null;
        for (byte[] b : free) {
            if (b.length >= size && (best == null || b.length < best.length)) {
                best = b;
            }
        }
        if (best != null) {
            free.remove(best);
            return best;
        }
        return new byte[size];
    }

    /** Returns a buffer for reuse; the smallest idle buffers are dropped beyond {@code maxIdle}. */
    public synchronized void give(byte[] buffer) {
        free.add(buffer);
        if (free.size() > maxIdle) {
            byte[] smallest = free.get(0);
            for (byte[] b : free) {
                if (b.length < smallest.length) {
                    smallest = b;
                }
            }
            free.remove(smallest);
        }
    }
}
