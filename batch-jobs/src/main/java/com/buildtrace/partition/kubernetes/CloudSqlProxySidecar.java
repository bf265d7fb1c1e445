package com.buildtrace.partition.kubernetes;

import com.buildtrace.partition.WorkerProperties;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Cloud SQL Auth Proxy as a native sidecar of a worker pod: an init container with {@code restartPolicy: Always}
 * starts before the worker, is ready once the proxy answers its startup check, keeps running beside it and is
 * stopped when the worker ends, so the Indexed Job completes. The same container as in the manager's and the
 * API's pods ({@code infra/kubernetes/cloud-sql-proxy/}).
 */
final class CloudSqlProxySidecar {

    /** Where the proxy listens in the pod: the workers' database URL is jdbc:postgresql://127.0.0.1:5432/... */
    static final int PORT = 5432;

    /** The proxy's health checks (--health-check): /startup, /liveness, /readiness. */
    static final int HEALTH_PORT = 9090;

    private CloudSqlProxySidecar() {
    }

    static Container of(WorkerProperties.CloudSqlProxy proxy) {
        List<String> args = new ArrayList<>(List.of("--port=" + PORT));
        if (proxy.privateIp()) {
            args.add("--private-ip");
        }
        if (proxy.iamAuth()) {
            args.add("--auto-iam-authn");
        }
        // JSON logs; a probe port open to the kubelet; exit 0 when Kubernetes stops it after the worker
        args.addAll(List.of("--structured-logs", "--health-check", "--http-address=0.0.0.0",
                "--http-port=" + HEALTH_PORT, "--exit-zero-on-sigterm", proxy.instance()));
        return new ContainerBuilder()
                .withName("cloud-sql-proxy")
                .withImage(proxy.image())
                .withRestartPolicy("Always")
                .withArgs(args)
                .withNewStartupProbe()
                .withNewHttpGet().withPath("/startup").withPort(new IntOrString(HEALTH_PORT)).endHttpGet()
                .withPeriodSeconds(1).withFailureThreshold(60)
                .endStartupProbe()
                .withNewSecurityContext()
                .withRunAsNonRoot(true).withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                .endSecurityContext()
                .withNewResources()
                .addToRequests(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("64Mi")))
                .addToLimits(Map.of("memory", new Quantity("256Mi")))
                .endResources()
                .build();
    }
}
