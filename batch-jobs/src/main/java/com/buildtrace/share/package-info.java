/**
 * What a project team shares from a comparison: the annotated PDF of the new set (every change a cloud
 * markup), the set triage (one row per change, one per sheet, as CSV and as JSON-ready records) and the
 * download package (a streamed ZIP of everything in the comparison's folder). Plain Java: the batch job, the
 * command line and the API call the same classes.
 */
package com.buildtrace.share;
