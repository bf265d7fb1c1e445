package com.buildtrace.api.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes users (table {@code app_user}). */
@Repository
public class UserRepository {

    private static final String COLUMNS = "id, email, name, created_at, last_sign_in_at";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<User> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = ?").param(id).query(UserRepository::user)
                .optional();
    }

    /** The user with this e-mail address (any case). */
    public Optional<User> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE lower(email) = lower(?)").param(email)
                .query(UserRepository::user).optional();
    }

    Optional<User> findByGoogleSubject(String subject) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE google_subject = ?").param(subject)
                .query(UserRepository::user).optional();
    }

    void insert(String id, String email, String name, String googleSubject) {
        jdbc.sql("INSERT INTO app_user (id, email, name, google_subject) VALUES (?, ?, ?, ?)")
                .params(id, email, name, googleSubject).update();
    }

    /** Records a sign-in, linking the Google account and taking its current name when given. */
    void signedIn(String id, String name, String googleSubject) {
        jdbc.sql("""
                UPDATE app_user SET last_sign_in_at = now(), name = COALESCE(?, name),
                       google_subject = COALESCE(?, google_subject) WHERE id = ?""")
                .params(name, googleSubject, id).update();
    }

    private static User user(ResultSet rs, int row) throws SQLException {
        return new User(rs.getString("id"), rs.getString("email"), rs.getString("name"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("last_sign_in_at", OffsetDateTime.class));
    }
}
