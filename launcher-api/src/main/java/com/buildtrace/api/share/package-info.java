/**
 * What a project team takes away from a comparison: the download package (streamed ZIP), the annotated PDF,
 * and the set triage (changes and sheets as JSON or CSV).
 */
package com.buildtrace.api.share;
