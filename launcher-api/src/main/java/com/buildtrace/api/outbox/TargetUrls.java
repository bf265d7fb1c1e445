package com.buildtrace.api.outbox;

import com.buildtrace.api.system.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/** Checks the URL of a receiver that the server will post to (a webhook, a Slack incoming webhook). */
public final class TargetUrls {

    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

    private TargetUrls() {
    }

    /**
     * The URL, stripped, when it is absolute https with a host and no user name, or http to this machine when
     * {@code allowLocalHttp}; and, when {@code hosts} is not empty, to one of those hosts (or a subdomain).
     *
     * @param what the field, for the error ("url")
     * @throws ApiException 400 saying what is wrong
     */
    public static String check(String what, String url, boolean allowLocalHttp, List<String> hosts) {
        String value = url == null ? "" : url.strip();
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw ApiException.invalid(what + " is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || uri.getUserInfo() != null) {
            throw ApiException.invalid(what + " must be absolute, with a host and no user name: " + value);
        }
        boolean local = LOOPBACK.contains(host);
        if (!scheme.equals("https") && !(scheme.equals("http") && local && allowLocalHttp)) {
            throw ApiException.invalid(what + " must be https" + (allowLocalHttp ? " (or http to localhost)" : "")
                    + ": " + value);
        }
        boolean allowedHost = hosts.isEmpty() || (local && allowLocalHttp) || hosts.stream()
                .map(h -> h.toLowerCase(Locale.ROOT)).anyMatch(h -> host.equals(h) || host.endsWith("." + h));
        if (!allowedHost) {
            throw ApiException.invalid(what + " must be on " + String.join(" or ", hosts) + ", not " + host);
        }
        return value;
    }
}
