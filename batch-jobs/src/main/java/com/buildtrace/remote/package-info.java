/**
 * {@code buildtrace remote}: the command line of a deployed launcher API. It signs in with an API key, uploads two
 * revisions, launches their comparison, follows it, and downloads its package, over HTTP only: no database, no
 * Spring context, no engine, so it starts in a fraction of a second.
 */
package com.buildtrace.remote;
