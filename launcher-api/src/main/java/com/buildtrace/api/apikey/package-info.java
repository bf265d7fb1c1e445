/**
 * API keys for scripts, integrations and the command line: created by a signed-in user, shown once, stored as
 * their SHA-256, optionally limited to some projects, their last use recorded
 * ({@link com.buildtrace.api.apikey.ApiKeys}).
 */
package com.buildtrace.api.apikey;
