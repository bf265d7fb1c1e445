/**
 * The launcher API application.
 */
package com.buildtrace.api;
