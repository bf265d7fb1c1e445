package com.buildtrace.api.auth;

import java.time.OffsetDateTime;

/**
 * A user of the API.
 *
 * @param id their id (a UUID; {@code local} for the development sign-in's default user)
 * @param email their e-mail address (members are invited by it)
 * @param name their name, as their identity provider gives it
 * @param createdAt their first sign-in
 * @param lastSignInAt their latest sign-in
 */
public record User(String id, String email, String name, OffsetDateTime createdAt, OffsetDateTime lastSignInAt) {
}
