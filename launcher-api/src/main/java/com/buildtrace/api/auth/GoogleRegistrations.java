package com.buildtrace.api.auth;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The Google client registration, read from the provider's discovery document at the first sign-in (not at
 * start-up, so the API starts while the provider is unreachable) and kept.
 */
final class GoogleRegistrations implements ClientRegistrationRepository {

    /** The registration id, as in the sign-in paths. */
    static final String ID = "google";

    private final AuthProperties.Google settings;

    private volatile ClientRegistration registration;

    GoogleRegistrations(AuthProperties.Google settings) {
        this.settings = settings;
    }

    @Override
    public ClientRegistration findByRegistrationId(String id) {
        if (!ID.equals(id)) {
            return null;
        }
        ClientRegistration r = registration;
        if (r == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = ClientRegistrations.fromIssuerLocation(settings.issuerUri()).registrationId(ID)
                            .clientId(settings.clientId()).clientSecret(settings.clientSecret())
                            .scope("openid", "email", "profile").redirectUri(settings.redirectUri())
                            .userNameAttributeName("sub").clientName("Google").build();
                }
                r = registration;
            }
        }
        return r;
    }
}
