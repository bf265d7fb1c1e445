package com.buildtrace.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Names the process that runs a comparison ({@code host:pid}), and tells whether such a process is gone. */
final class Owner {

    static final String HOST = host();

    static final String THIS_PROCESS = HOST + ":" + ProcessHandle.current().pid();

    private Owner() {
    }

    /** True for a process of this host that does not exist any more; false when it lives or is elsewhere. */
    static boolean isDeadHere(String owner) {
        int colon = owner.lastIndexOf(':');
        if (colon < 0 || !owner.substring(0, colon).equals(HOST)) {
            return false;
        }
        try {
            long pid = Long.parseLong(owner.substring(colon + 1));
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String host() {
        try {
            String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!kernel.isEmpty()) {
                return kernel;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: ask the environment, then the network
        }
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
