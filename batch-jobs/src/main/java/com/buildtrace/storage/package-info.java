/**
 * Where drawing sets and comparison results are kept: {@link com.buildtrace.storage.DrawingStore} on the local
 * file system (the default) or in Google Cloud Storage. Keys are built by the code from ids and fixed names
 * ({@link com.buildtrace.storage.StorageKey}, {@link com.buildtrace.storage.StorageLayout}), never from what a
 * user typed.
 */
package com.buildtrace.storage;
