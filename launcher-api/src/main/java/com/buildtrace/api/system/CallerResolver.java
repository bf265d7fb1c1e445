package com.buildtrace.api.system;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells who makes a request. Controllers take the {@link Caller} as a method argument (resolved through
 * this interface by {@link CallerArgumentResolver}) and pass it to every query, so sign-in replaces only
 * this bean.
 */
@FunctionalInterface
public interface CallerResolver {

    /**
     * @throws ApiException (401, see {@link ApiException#unauthenticated}) when the request carries no identity
     */
    Caller resolve(HttpServletRequest request);
}
