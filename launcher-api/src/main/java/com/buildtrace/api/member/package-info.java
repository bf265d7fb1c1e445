/**
 * Project members and their roles (owner, editor, viewer): invited by e-mail address (a membership at once for
 * a known user, an invitation until the first sign-in otherwise), role changes and removal, by owners
 * ({@link com.buildtrace.api.member.Members}).
 */
package com.buildtrace.api.member;
