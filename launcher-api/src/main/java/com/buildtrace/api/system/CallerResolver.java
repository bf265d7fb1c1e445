package com.buildtrace.api.system;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells who makes a request. Controllers take the {@link Caller} as a method argument (resolved through
 * this interface by {@link CallerArgumentResolver}) and pass it to every query. The bean is the security
 * configuration's ({@code auth.SecurityConfiguration}): the caller the request's access token or API key
 * authenticated.
 */
@FunctionalInterface
public interface CallerResolver {

    /**
     * @throws ApiException (401, see {@link ApiException#unauthenticated}) when the request carries no identity
     */
    Caller resolve(HttpServletRequest request);
}
