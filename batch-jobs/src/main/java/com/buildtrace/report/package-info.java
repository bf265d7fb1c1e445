/**
 * What a comparison leaves behind in its output folder: {@code result.json} (the machine-readable result,
 * schema in the schemas module) and {@code index.html} (the report a person opens).
 */
package com.buildtrace.report;
