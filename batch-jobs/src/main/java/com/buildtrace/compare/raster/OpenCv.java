package com.buildtrace.compare.raster;

/** Loads OpenCV's native library once per process, on first use (it costs about half a second). */
public final class OpenCv {

    private static volatile boolean loaded;

    private OpenCv() {
    }

    public static void ensureLoaded() {
        if (!loaded) {
            synchronized (OpenCv.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                }
            }
        }
    }
}
