/**
 * Sign-in and tokens: Google sign-in (OIDC) and the development sign-in ({@link com.buildtrace.api.auth.SignIns}),
 * access tokens as signed JWTs ({@link com.buildtrace.api.auth.AccessTokens}, keys in
 * {@link com.buildtrace.api.auth.JwtKeys}), rotating refresh tokens ({@link com.buildtrace.api.auth.RefreshTokens}),
 * revocation, and the security filters that turn a request's credential into its
 * {@link com.buildtrace.api.system.Caller} ({@link com.buildtrace.api.auth.SecurityConfiguration}).
 */
package com.buildtrace.api.auth;
