package com.buildtrace.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OpenID provider on the loopback address, standing in for Google: discovery document, JWKS, and a token
 * endpoint that checks the client's secret, the code and its PKCE verifier, and issues an ID token signed with
 * its own RSA key. A test that plays the browser takes the authorization request the API redirects to,
 * "approves" it with {@link #approve} for an account, and calls the API's callback with the code; a real browser
 * is sent to {@code /authorize}, which approves it at once for {@link #browserAccount} (the Google account that
 * browser is signed in with) and sends it back to the callback with the code and the state.
 */
final class OidcProviderStub {

    static final String CLIENT_ID = "buildtrace-test-client";

    static final String CLIENT_SECRET = "buildtrace-test-secret";

    private final HttpServer server;

    private final RSAKey key;

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    /** Token requests received, with whether they were accepted: what the API sent. */
    final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();

    /** The account a browser sent to {@code /authorize} is approved for. */
    volatile Account browserAccount = new Account("olivia@example.test", true, "Olivia Owner");

    /**
     * A Google account.
     *
     * @param email its address
     * @param emailVerified whether Google verified it
     * @param name the person's name
     */
    record Account(String email, boolean emailVerified, String name) {
    }

    /** An approved authorization: the account, and what the authorization request carried. */
    private record Grant(String subject, String email, boolean emailVerified, String name, String nonce,
                         String codeChallenge, String redirectUri) {
    }

    private OidcProviderStub() {
        try {
            key = new RSAKeyGenerator(2048).keyID("stub-" + UUID.randomUUID()).generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", x -> send(x, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/token", this::token);
        server.createContext("/authorize", this::authorize);
        server.start();
    }

    static OidcProviderStub start() {
        return new OidcProviderStub();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Approves an authorization request (the query of the redirect to the provider) for an account.
     *
     * @return the authorization code the provider would send back
     */
    String approve(Map<String, String> authorizationRequest, String email, boolean emailVerified, String name) {
        String code = UUID.randomUUID().toString();
        grants.put(code, new Grant("google-" + email, email, emailVerified, name, authorizationRequest.get("nonce"),
                authorizationRequest.get("code_challenge"), authorizationRequest.get("redirect_uri")));
        return code;
    }

    private void discovery(HttpExchange x) throws IOException {
        String issuer = issuer();
        send(x, 200, """
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
                 "jwks_uri": "%1$s/jwks", "response_types_supported": ["code"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"], "scopes_supported": ["openid", "email", "profile"],
                 "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
                 "code_challenge_methods_supported": ["S256"]}""".formatted(issuer));
    }

    /** Approves the browser's authorization request for {@link #browserAccount} and sends it back with the code. */
    private void authorize(HttpExchange x) throws IOException {
        Map<String, String> request = form(x.getRequestURI().getRawQuery());
        Account a = browserAccount;
        String code = approve(request, a.email(), a.emailVerified(), a.name());
        x.getResponseHeaders().set("Location", request.get("redirect_uri") + "?code="
                + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&state="
                + URLEncoder.encode(request.getOrDefault("state", ""), StandardCharsets.UTF_8));
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    private void token(HttpExchange x) throws IOException {
        Map<String, String> form = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = x.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        Grant grant = grants.remove(form.getOrDefault("code", ""));
        Map<String, String> seen = new HashMap<>(form);
        seen.put("authorization", basic);
        tokenRequests.add(seen);
        if (!expected.equals(basic)) {
            send(x, 401, "{\"error\": \"invalid_client\"}");
            return;
        }
        if (grant == null || !"authorization_code".equals(form.get("grant_type"))
                || !grant.redirectUri().equals(form.get("redirect_uri"))
                || form.get("code_verifier") == null || !grant.codeChallenge().equals(s256(form.get("code_verifier")))) {
            send(x, 400, "{\"error\": \"invalid_grant\"}");
            return;
        }
        Date now = new Date();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer()).subject(grant.subject()).audience(CLIENT_ID)
                .issueTime(now).expirationTime(new Date(now.getTime() + 3_600_000)).claim("nonce", grant.nonce())
                .claim("email", grant.email()).claim("email_verified", grant.emailVerified())
                .claim("name", grant.name()).build();
        SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims);
        try {
            idToken.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        send(x, 200, """
                {"access_token": "%s", "token_type": "Bearer", "expires_in": 3600, "scope": "openid email profile",
                 "id_token": "%s"}""".formatted(UUID.randomUUID(), idToken.serialize()));
    }

    static Map<String, String> form(String query) {
        Map<String, String> out = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange x, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, body.length);
        x.getResponseBody().write(body);
        x.close();
    }
}
