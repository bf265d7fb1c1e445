package com.buildtrace.api.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A member's notification settings for a project, as the API shows them (to that member only).
 *
 * @param projectId the project
 * @param events which comparison events notify: {@code comparison.completed}, {@code comparison.failed}
 * @param onlyWhenChanged a completed comparison notifies only when sheets changed, were added or removed
 * @param email the e-mail channel
 * @param slack the Slack channel
 * @param updatedAt when they were last saved, or null when never (all off)
 */
public record NotificationSettings(UUID projectId, List<String> events, boolean onlyWhenChanged, Email email,
                                   Slack slack, OffsetDateTime updatedAt) {

    /** The comparison events a member can be notified of. */
    public static final List<String> EVENTS = List.of("comparison.completed", "comparison.failed");

    public NotificationSettings {
        events = List.copyOf(events);
    }

    /**
     * E-mail to the member's account address.
     *
     * @param enabled the member turned it on
     * @param address where it goes
     * @param available this server can send e-mail (an SMTP server is configured)
     * @param unavailableReason why not, or null
     */
    public record Email(boolean enabled, String address, boolean available, String unavailableReason) {
    }

    /**
     * Slack, through an incoming webhook of the member's.
     *
     * @param enabled the member turned it on
     * @param webhookUrl the webhook, its secret part hidden ({@code https://hooks.slack.com/services/T0/B0/…Wx4Q}),
     *     or null
     * @param allowedHosts the hosts a webhook URL may point to on this server, or empty for any https URL
     */
    public record Slack(boolean enabled, String webhookUrl, List<String> allowedHosts) {

        public Slack {
            allowedHosts = List.copyOf(allowedHosts);
        }
    }

    /** A URL with all but the last four characters of its last path segment hidden. */
    static String masked(String url) {
        if (url == null) {
            return null;
        }
        int slash = url.lastIndexOf('/');
        String tail = url.substring(slash + 1);
        return url.substring(0, slash + 1) + "…" + (tail.length() > 8 ? tail.substring(tail.length() - 4) : "");
    }
}
