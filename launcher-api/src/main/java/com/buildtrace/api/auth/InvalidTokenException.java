package com.buildtrace.api.auth;

import org.springframework.security.core.AuthenticationException;

/** A token or key that was sent but is not accepted: expired, revoked, forged, or unknown. */
public class InvalidTokenException extends AuthenticationException {

    public InvalidTokenException(String detail) {
        super(detail);
    }
}
