/**
 * Drawing sets drawn by code: the bundled example sets (two revisions of a small clinic set) and the fixtures
 * the tests compare. Deterministic: the same call writes the same bytes.
 */
package com.buildtrace.samples;
