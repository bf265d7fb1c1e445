package com.buildtrace.api.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Issues and checks access tokens: JWTs signed with the signing key of {@link JwtKeys}, carrying the user
 * ({@code sub}), a {@code jti} (for revocation), issuer, audience and an expiry one lifetime after issue.
 */
public class AccessTokens {

    /** The {@code aud} of access tokens. */
    static final String AUDIENCE = "buildtrace-api";

    private final JwtKeys keys;

    private final AuthProperties properties;

    private final RevokedTokens revoked;

    AccessTokens(JwtKeys keys, AuthProperties properties, RevokedTokens revoked) {
        this.keys = keys;
        this.properties = properties;
        this.revoked = revoked;
    }

    /**
     * An access token.
     *
     * @param value the JWT
     * @param jti its id
     * @param userId whom it was issued to
     * @param expiresAt when it stops being accepted
     */
    public record AccessToken(String value, UUID jti, String userId, Instant expiresAt) {
    }

    /** A new token for the user, valid for the configured lifetime from now. */
    public AccessToken issue(String userId) {
        return issue(userId, Instant.now());
    }

    /** A token as issued at {@code issuedAt} (tests: tokens that have expired by now). */
    public AccessToken issue(String userId, Instant issuedAt) {
        UUID jti = UUID.randomUUID();
        Instant expires = issuedAt.plus(properties.accessTokenLifetime());
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(userId).jwtID(jti.toString())
                .issuer(properties.issuer()).audience(AUDIENCE).issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(keys.signingAlgorithm()).keyID(keys.signingKid())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(keys.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign an access token", e);
        }
        return new AccessToken(jwt.serialize(), jti, userId, expires);
    }

    /**
     * Checks a token: its key, signature, issuer, audience, expiry and that it was not revoked.
     *
     * @throws InvalidTokenException saying what is wrong
     */
    public AccessToken verify(String token) {
        AccessToken t = verifySignature(token);
        if (!t.expiresAt().isAfter(Instant.now())) {
            throw new InvalidTokenException("the access token has expired; refresh it (POST /api/v1/auth/token/refresh) "
                    + "or sign in again");
        }
        if (revoked.isRevoked(t.jti())) {
            throw new InvalidTokenException("the access token was revoked; sign in again");
        }
        return t;
    }

    /**
     * Checks a token's key, signature, issuer and audience, whatever its expiry (to revoke it).
     *
     * @throws InvalidTokenException saying what is wrong
     */
    AccessToken verifySignature(String token) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidTokenException("the access token is not a signed JWT");
        }
        String kid = jwt.getHeader().getKeyID();
        JWSVerifier verifier = keys.verifier(kid);
        if (verifier == null) {
            throw new InvalidTokenException("the access token was signed with an unknown key (kid '" + kid + "')");
        }
        try {
            if (!jwt.getHeader().getAlgorithm().equals(keys.algorithm(kid)) || !jwt.verify(verifier)) {
                throw new InvalidTokenException("the access token's signature is not valid");
            }
        } catch (JOSEException e) {
            throw new InvalidTokenException("the access token's signature is not valid");
        }
        if (!properties.issuer().equals(claims.getIssuer()) || claims.getAudience() == null
                || !claims.getAudience().equals(List.of(AUDIENCE)) || claims.getSubject() == null
                || claims.getJWTID() == null || claims.getExpirationTime() == null) {
            throw new InvalidTokenException("the access token was not issued for this API");
        }
        UUID jti;
        try {
            jti = UUID.fromString(claims.getJWTID());
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("the access token was not issued for this API");
        }
        return new AccessToken(token, jti, claims.getSubject(), claims.getExpirationTime().toInstant());
    }
}
