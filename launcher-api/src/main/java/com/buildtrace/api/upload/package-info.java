/**
 * Resumable revision uploads: a session announces a revision's files, the client sends each in chunks (any API
 * instance takes any chunk; the bytes are chunk objects in the drawing store, the offsets rows in the database),
 * can ask at any time how far each file is, and completes the session, which makes the revision through the
 * same path as a one-request upload. Idle sessions expire and their bytes are deleted.
 */
package com.buildtrace.api.upload;
