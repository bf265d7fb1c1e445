package com.buildtrace.api.auth;

/**
 * How this installation signs people in, settled at start-up.
 *
 * @param production a production installation (keys configured, no development sign-in)
 * @param devLogin the development sign-in is on
 * @param google Google sign-in is configured
 */
public record AuthMode(boolean production, boolean devLogin, boolean google) {

    public AuthMode {
        if (production && devLogin) {
            throw new IllegalStateException("buildtrace.auth.dev-login cannot be on in production "
                    + "(buildtrace.auth.production or the 'production' profile): it signs anyone in without a password");
        }
    }
}
