package com.buildtrace.api.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys of access tokens: every configured key verifies (by {@code kid}), one signs. Without configured
 * keys a key is generated for this process, which a production installation refuses (tokens would not
 * survive a restart nor be accepted by another instance).
 */
public final class JwtKeys {

    private static final Logger LOG = LoggerFactory.getLogger(JwtKeys.class);

    private final Map<String, JWSVerifier> verifiers = new LinkedHashMap<>();

    private final Map<String, JWSAlgorithm> algorithms = new LinkedHashMap<>();

    private final JWK signing;

    private final JWSSigner signer;

    private final JWKSet publicKeys;

    private JwtKeys(List<JWK> keys, String signingKid) {
        List<JWK> publics = new ArrayList<>();
        JWK chosen = null;
        for (JWK k : keys) {
            if (k.getKeyID() == null || k.getKeyID().isBlank()) {
                throw new IllegalStateException("buildtrace.auth.jwt: every key needs a kid");
            }
            if (verifiers.containsKey(k.getKeyID())) {
                throw new IllegalStateException("buildtrace.auth.jwt: two keys with kid '" + k.getKeyID() + "'");
            }
            verifiers.put(k.getKeyID(), verifier(k));
            algorithms.put(k.getKeyID(), k instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256);
            publics.add(k.toPublicJWK());
            boolean wanted = signingKid == null ? chosen == null : signingKid.equals(k.getKeyID());
            if (wanted && k.isPrivate()) {
                chosen = k;
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("buildtrace.auth.jwt: no private key "
                    + (signingKid == null ? "to sign with" : "with kid '" + signingKid + "' (signing-key)"));
        }
        this.signing = chosen;
        this.signer = signer(chosen);
        this.publicKeys = new JWKSet(publics);
    }

    /**
     * The configured keys: inline JWK set, else the JWK set file; none configured gives a key generated now,
     * unless {@code production}.
     *
     * @throws IllegalStateException when the keys cannot be read, or are missing in production
     */
    public static JwtKeys load(AuthProperties.Jwt settings, boolean production) {
        List<JWK> keys;
        if (settings.keys() != null && !settings.keys().isBlank()) {
            keys = parseSet(settings.keys(), "buildtrace.auth.jwt.keys");
        } else if (settings.keysLocation() != null) {
            keys = read(settings.keysLocation());
        } else if (production) {
            throw new IllegalStateException("buildtrace.auth.production is set but no access-token keys are "
                    + "configured: set buildtrace.auth.jwt.keys (BUILDTRACE_AUTH_JWT_KEYS) or "
                    + "buildtrace.auth.jwt.keys-location; a generated key is refused in production");
        } else {
            LOG.warn("no access-token keys configured (buildtrace.auth.jwt.keys): signing with a key generated for "
                    + "this process; tokens end with it");
            keys = List.of(generate("generated-" + UUID.randomUUID().toString().substring(0, 8)));
        }
        return new JwtKeys(keys, settings.signingKey());
    }

    /** A new EC P-256 key for ES256. */
    public static ECKey generate(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a key", e);
        }
    }

    /**
     * Prints a JWK set of one new ES256 key, for {@code buildtrace.auth.jwt.keys} (or a keys file).
     *
     * @param args the key's {@code kid} (default: today's date)
     */
    public static void main(String[] args) {
        String kid = args.length > 0 ? args[0] : java.time.LocalDate.now().toString();
        System.out.println(new JWKSet(generate(kid)).toString(false));
    }

    /** The key that signs new tokens. */
    public String signingKid() {
        return signing.getKeyID();
    }

    JWSAlgorithm signingAlgorithm() {
        return algorithms.get(signing.getKeyID());
    }

    JWSSigner signer() {
        return signer;
    }

    /** The verifier of a key id, or null for an unknown one. */
    JWSVerifier verifier(String kid) {
        return kid == null ? null : verifiers.get(kid);
    }

    /** The algorithm tokens of this key must carry, or null for an unknown key. */
    JWSAlgorithm algorithm(String kid) {
        return kid == null ? null : algorithms.get(kid);
    }

    /** The public keys, as served at {@code /api/v1/auth/jwks.json}. */
    public JWKSet publicKeys() {
        return publicKeys;
    }

    private static List<JWK> read(Path location) {
        try {
            return parseSet(Files.readString(location), location.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the access-token keys at " + location, e);
        }
    }

    private static List<JWK> parseSet(String json, String where) {
        try {
            List<JWK> keys = JWKSet.parse(json).getKeys();
            if (keys.isEmpty()) {
                throw new IllegalStateException(where + " has no keys");
            }
            return keys;
        } catch (ParseException e) {
            throw new IllegalStateException(where + " is not a JWK set: " + e.getMessage(), e);
        }
    }

    private static JWSVerifier verifier(JWK key) {
        try {
            if (key instanceof ECKey ec) {
                if (!Curve.P_256.equals(ec.getCurve())) {
                    throw new IllegalStateException("key " + key.getKeyID() + ": EC keys must be P-256 (ES256)");
                }
                return new ECDSAVerifier(ec.toPublicJWK());
            }
            if (key instanceof RSAKey rsa) {
                if (rsa.size() < 2048) {
                    throw new IllegalStateException("key " + key.getKeyID() + ": RSA keys need 2048 bits or more");
                }
                return new RSASSAVerifier(rsa.toPublicJWK());
            }
        } catch (JOSEException e) {
            throw new IllegalStateException("key " + key.getKeyID() + " cannot verify: " + e.getMessage(), e);
        }
        throw new IllegalStateException("key " + key.getKeyID() + " is neither EC nor RSA");
    }

    private static JWSSigner signer(JWK key) {
        try {
            return key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
        } catch (JOSEException e) {
            throw new IllegalStateException("key " + key.getKeyID() + " cannot sign: " + e.getMessage(), e);
        }
    }
}
