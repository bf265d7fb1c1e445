package com.buildtrace.api.auth;

import com.buildtrace.api.activity.ActivityLog;
import com.buildtrace.api.project.ProjectRepository;
import com.buildtrace.api.system.Caller;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs a person in: finds or creates their user (a new user gets a first project), turns invitations to
 * their e-mail address into memberships, records the sign-in, and issues an access and a refresh token.
 */
@Service
public class SignIns {

    private final UserRepository users;

    private final ProjectRepository projects;

    private final AccessTokens accessTokens;

    private final RefreshTokens refreshTokens;

    private final ActivityLog activity;

    private final AuthProperties properties;

    private final JdbcClient jdbc;

    private final TransactionTemplate tx;

    SignIns(UserRepository users, ProjectRepository projects, AccessTokens accessTokens, RefreshTokens refreshTokens,
            ActivityLog activity, AuthProperties properties, JdbcClient jdbc,
            @Qualifier("transactionManager") PlatformTransactionManager tx) {
        this.users = users;
        this.projects = projects;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.activity = activity;
        this.properties = properties;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tx);
    }

    /**
     * Who signs in, as their identity provider says.
     *
     * @param email their verified e-mail address
     * @param name their name, if known
     * @param googleSubject their Google account's id, or null (development sign-in)
     */
    public record Identity(String email, String name, String googleSubject) {

        public Identity {
            if (email == null || !email.contains("@") || email.length() > 320) {
                throw new IllegalArgumentException("an e-mail address is needed to sign in, not '" + email + "'");
            }
            email = email.strip().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Tokens of a sign-in.
     *
     * @param user who signed in
     * @param access their access token
     * @param refresh their refresh token, the first of a new family
     * @param firstSignIn the user was created by this sign-in
     */
    public record SignedIn(User user, AccessTokens.AccessToken access, RefreshTokens.RefreshToken refresh,
                           boolean firstSignIn) {
    }

    /**
     * Signs the person in.
     *
     * @param method google or dev, recorded in the activity log
     */
    public SignedIn signIn(Identity identity, String method) {
        boolean[] created = new boolean[1];
        User user = tx.execute(status -> {
            User u = (identity.googleSubject() == null ? java.util.Optional.<User>empty()
                    : users.findByGoogleSubject(identity.googleSubject()))
                    .or(() -> users.findByEmail(identity.email()))
                    .orElse(null);
            if (u == null) {
                String id = identity.googleSubject() == null && identity.email().equals(properties.devUserEmail())
                        ? Caller.LOCAL.userId() : UUID.randomUUID().toString();
                users.insert(id, identity.email(), identity.name(), identity.googleSubject());
                projects.create(new Caller(id), properties.defaultProjectName(), false, null);
                created[0] = true;
                u = users.find(id).orElseThrow();
            }
            users.signedIn(u.id(), identity.name(), identity.googleSubject());
            acceptInvitations(u);
            activity.record(u.id(), null, "signed_in", Map.of("method", method));
            return users.find(u.id()).orElseThrow();
        });
        return new SignedIn(user, accessTokens.issue(user.id()), refreshTokens.issue(user.id()), created[0]);
    }

    /** Memberships for the invitations to the user's e-mail address. */
    private void acceptInvitations(User user) {
        jdbc.sql("""
                INSERT INTO project_member (project_id, user_id, role, added_by)
                SELECT i.project_id, ?, i.role, i.invited_by FROM project_invitation i WHERE i.email = lower(?)
                ON CONFLICT DO NOTHING""").params(user.id(), user.email()).update();
        jdbc.sql("DELETE FROM project_invitation WHERE email = lower(?)").param(user.email()).update();
    }
}
