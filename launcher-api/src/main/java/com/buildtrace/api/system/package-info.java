/**
 * What every endpoint shares: who is calling ({@link com.buildtrace.api.system.Caller}), the settings
 * ({@link com.buildtrace.api.system.ApiProperties}), errors as RFC 9457 problem details
 * ({@link com.buildtrace.api.system.ApiProblems}), pages of results and the health endpoint.
 */
package com.buildtrace.api.system;
