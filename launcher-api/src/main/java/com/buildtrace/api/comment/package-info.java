/**
 * Comments on a comparison, on one of its sheets or on one change region, with mentions of project members;
 * each recorded in the project's activity.
 */
package com.buildtrace.api.comment;
