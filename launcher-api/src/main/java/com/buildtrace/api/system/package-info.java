/**
 * What every endpoint shares: who is calling ({@link com.buildtrace.api.system.Caller}), the settings
 * ({@link com.buildtrace.api.system.ApiProperties}), errors as RFC 9457 problem details
 * ({@link com.buildtrace.api.system.ApiProblems}, {@link com.buildtrace.api.system.ProblemResponses} for the
 * filters), pages of results, and random secrets with their digests ({@link com.buildtrace.api.system.Secrets}).
 */
package com.buildtrace.api.system;
