/**
 * Workers as the pods of a Kubernetes Indexed Job (fabric8 client, JDK HTTP transport): one Job per
 * comparison run, watched through its status and deleted when the comparison is stopped; with a Cloud SQL Auth
 * Proxy as a native sidecar of each pod when configured.
 */
package com.buildtrace.partition.kubernetes;
