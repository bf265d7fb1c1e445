package com.buildtrace.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where access-token keys come from, which one signs, and that production refuses a generated one. */
class JwtKeysTests {

    @Test
    void everyKeyVerifiesAndTheNamedOneSigns() {
        String set = new JWKSet(List.of(JwtKeys.generate("2025"), JwtKeys.generate("2026"))).toString(false);

        JwtKeys keys = JwtKeys.load(new AuthProperties.Jwt(set, null, "2026"), true);

        assertThat(keys.signingKid()).isEqualTo("2026");
        assertThat(keys.signingAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(keys.verifier("2025")).isNotNull();
        assertThat(keys.verifier("2024")).isNull();
        assertThat(keys.publicKeys().getKeys()).hasSize(2).allMatch(k -> !k.isPrivate());
        // without signing-key, the first private key signs
        assertThat(JwtKeys.load(new AuthProperties.Jwt(set, null, null), true).signingKid()).isEqualTo("2025");
    }

    @Test
    void readsTheKeysFromAMountedFile(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("jwt-keys.json"),
                new JWKSet(List.of(JwtKeys.generate("2026-03"))).toString(false));

        JwtKeys keys = JwtKeys.load(new AuthProperties.Jwt(null, file, null), true);

        assertThat(keys.signingKid()).isEqualTo("2026-03");
        assertThat(keys.publicKeys().getKeys()).hasSize(1);
    }

    @Test
    void generatesAKeyOnlyOutsideProduction() {
        AuthProperties.Jwt none = new AuthProperties.Jwt(null, null, null);

        assertThat(JwtKeys.load(none, false).signingKid()).startsWith("generated-");
        assertThatThrownBy(() -> JwtKeys.load(none, true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a generated key is refused in production");
    }

    @Test
    void refusesKeysWithoutKidOrPrivatePartAndTheDevelopmentSignInInProduction() {
        String publicOnly = new JWKSet(JwtKeys.generate("pub").toPublicJWK()).toString(false);
        assertThatThrownBy(() -> JwtKeys.load(new AuthProperties.Jwt(publicOnly, null, null), false))
                .hasMessageContaining("no private key to sign with");
        String set = new JWKSet(JwtKeys.generate("a")).toString(false);
        assertThatThrownBy(() -> JwtKeys.load(new AuthProperties.Jwt(set, null, "b"), false))
                .hasMessageContaining("no private key with kid 'b'");
        assertThatThrownBy(() -> JwtKeys.load(new AuthProperties.Jwt("{\"keys\": 3}", null, null), false))
                .hasMessageContaining("not a JWK set");
        assertThatThrownBy(() -> new AuthMode(true, true, false)).hasMessageContaining("cannot be on in production");
    }
}
