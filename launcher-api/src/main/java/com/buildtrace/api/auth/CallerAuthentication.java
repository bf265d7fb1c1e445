package com.buildtrace.api.auth;

import com.buildtrace.api.system.Caller;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An authenticated request: the {@link Caller} it stands for, and how it proved it (token or API key). */
final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    private final AccessTokens.AccessToken token;

    CallerAuthentication(Caller caller, AccessTokens.AccessToken token) {
        super(List.of());
        this.caller = caller;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    /** The access token the request came with, or null (API key). */
    @Override
    public AccessTokens.AccessToken getCredentials() {
        return token;
    }
}
