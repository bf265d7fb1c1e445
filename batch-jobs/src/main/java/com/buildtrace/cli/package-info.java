/**
 * The {@code buildtrace} command line: {@code compare OLD NEW --out DIR} runs the engine and writes
 * result.json, the images and an HTML report.
 */
package com.buildtrace.cli;
