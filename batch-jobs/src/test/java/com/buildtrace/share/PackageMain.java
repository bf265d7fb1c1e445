package com.buildtrace.share;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/** Writes a package in a JVM of its own (the memory test runs it under a small heap) and prints its peak heap. */
public final class PackageMain {

    private PackageMain() {
    }

    public static void main(String[] args) throws Exception {
        ComparisonPackage.write(Path.of(args[0]), Path.of(args[1]));
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("peak heap bytes: " + peak);
    }
}
