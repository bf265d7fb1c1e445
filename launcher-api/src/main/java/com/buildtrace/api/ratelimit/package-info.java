/**
 * Rate limits: token buckets (Bucket4j) per user, or per address for anonymous requests, one per kind of
 * request (uploads, comparison creation, everything else), in this process or shared through PostgreSQL
 * ({@link com.buildtrace.api.ratelimit.RateLimiter}); every response of the API carries its limit
 * ({@link com.buildtrace.api.ratelimit.RateLimitFilter}).
 */
package com.buildtrace.api.ratelimit;
