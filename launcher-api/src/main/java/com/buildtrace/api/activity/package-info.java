/**
 * The activity log: who signed in, uploaded, launched a comparison, changed members or created and revoked API
 * keys, and when ({@link com.buildtrace.api.activity.ActivityLog}); a project's members read its activity.
 */
package com.buildtrace.api.activity;
