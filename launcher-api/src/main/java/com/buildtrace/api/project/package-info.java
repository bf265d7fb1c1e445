/**
 * Projects: a team's place for its drawing sets and comparisons; the unit of access (every object of the API
 * belongs to one project, and what a caller may see is decided here: {@link com.buildtrace.api.project.ProjectAccess}).
 */
package com.buildtrace.api.project;
