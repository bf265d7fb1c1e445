package com.buildtrace.remote;

import com.buildtrace.remote.Json.Node;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the API is and the key that opens it: {@code BUILDTRACE_URL} and {@code BUILDTRACE_API_KEY} when set,
 * else what {@code remote login} stored.
 *
 * @param url the server's address, without {@code /api/v1} and without a trailing slash
 * @param apiKey the API key ({@code bt_...})
 */
record Credentials(URI url, String apiKey) {

    static final String URL_VARIABLE = "BUILDTRACE_URL";

    static final String KEY_VARIABLE = "BUILDTRACE_API_KEY";

    /** Prefix of API keys. */
    static final String KEY_PREFIX = "bt_";

    Credentials {
        if (apiKey == null || !apiKey.startsWith(KEY_PREFIX)) {
            throw RemoteException.usage("an API key starts with '" + KEY_PREFIX + "' (create one in the web UI, "
                    + "or with POST /api/v1/keys)");
        }
    }

    /** The credentials to use: the environment's, else the stored ones; fails when there are none. */
    static Credentials resolve(RemoteEnvironment env) {
        String url = env.variable(URL_VARIABLE);
        String key = env.variable(KEY_VARIABLE);
        Node stored = url == null || key == null ? CredentialsFile.read(env) : null;
        if (url == null && stored != null) {
            url = stored.get("url").text();
        }
        if (key == null && stored != null) {
            key = stored.get("apiKey").text();
        }
        if (url == null || key == null) {
            throw RemoteException.notSignedIn();
        }
        return new Credentials(url(url), key);
    }

    /** The key without its secret part, to show: {@code bt_AbC123...}. */
    String keyHint() {
        return apiKey.substring(0, Math.min(apiKey.length(), KEY_PREFIX.length() + 6)) + "...";
    }

    /**
     * The server's address from what a user typed: http or https, a host, any path prefix kept (a server behind a
     * path), a trailing {@code /} or {@code /api/v1} dropped.
     */
    static URI url(String typed) {
        String s = typed.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.endsWith("/api/v1")) {
            s = s.substring(0, s.length() - "/api/v1".length());
        }
        try {
            URI u = new URI(s);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || u.getHost() == null || u.getQuery() != null
                    || u.getFragment() != null) {
                throw RemoteException.usage("'" + typed + "' is not the address of a server: give it as "
                        + "https://host[:port][/path]");
            }
            return u;
        } catch (URISyntaxException e) {
            throw RemoteException.usage("'" + typed + "' is not a URL: " + e.getReason());
        }
    }

    /** True for an address whose traffic never leaves this machine. */
    static boolean loopback(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    /** The stored sign-in: {@code ~/.buildtrace/remote.json}, readable by its owner only. */
    static final class CredentialsFile {

        private CredentialsFile() {
        }

        /** The stored sign-in, or null when there is none. */
        static Node read(RemoteEnvironment env) {
            Path file = env.credentialsFile();
            if (!Files.isRegularFile(file)) {
                return null;
            }
            try {
                warnIfOthersCanRead(env, file);
                return Json.parse(Files.readString(file));
            } catch (IOException | IllegalArgumentException e) {
                throw new RemoteException(RemoteExitCodes.NOT_SIGNED_IN, "cannot read " + file + " (" + e.getMessage()
                        + "): run 'buildtrace remote login' again");
            }
        }

        /**
         * Stores the sign-in, readable and writable by its owner only (0600, in a folder created 0700): written to a
         * temporary file of those permissions and moved into place, so the key is never readable by others, even
         * for a moment, and a crash leaves the earlier file whole.
         */
        static void write(RemoteEnvironment env, Credentials credentials, String user) throws IOException {
            Path file = env.credentialsFile().toAbsolutePath();
            Path dir = file.getParent();
            boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(dir)) {
                if (posix) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(dir);
                }
            }
            Path temp = posix ? Files.createTempFile(dir, ".remote-", ".json", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------"))) : Files.createTempFile(dir, ".remote-", ".json");
            try {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("url", credentials.url().toString());
                json.put("apiKey", credentials.apiKey());
                json.put("user", user);
                json.put("savedAt", Instant.now().toString());
                Files.writeString(temp, Json.write(json) + "\n");
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        }

        /** Forgets the stored sign-in; false when there was none. */
        static boolean delete(RemoteEnvironment env) throws IOException {
            return Files.deleteIfExists(env.credentialsFile());
        }

        private static void warnIfOthersCanRead(RemoteEnvironment env, Path file) {
            try {
                if (Files.getPosixFilePermissions(file).stream().anyMatch(p -> p.name().startsWith("GROUP")
                        || p.name().startsWith("OTHERS"))) {
                    env.err().println("buildtrace: warning: " + file + " holds an API key and others may read it; "
                            + "run: chmod 600 " + file);
                }
            } catch (IOException | UnsupportedOperationException e) {
                // no POSIX permissions here (the file was written without them): nothing to check
            }
        }
    }
}
