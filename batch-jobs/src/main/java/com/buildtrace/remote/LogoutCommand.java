package com.buildtrace.remote;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code buildtrace remote logout}: forgets the stored sign-in. */
@Command(name = "logout", mixinStandardHelpOptions = true,
        description = "Removes ~/.buildtrace/remote.json. The key itself stays valid until it is revoked "
                + "(web UI, or DELETE /api/v1/keys/{id}).")
final class LogoutCommand implements Callable<Integer> {

    @ParentCommand
    RemoteCommand remote;

    @Override
    public Integer call() throws IOException {
        RemoteEnvironment env = remote.env();
        if (Credentials.CredentialsFile.delete(env)) {
            env.out().println("Signed out: removed " + env.credentialsFile() + ". The API key stays valid until it "
                    + "is revoked (web UI, or DELETE /api/v1/keys/{id}).");
        } else {
            env.out().println("Not signed in: there is no " + env.credentialsFile());
        }
        if (env.variable(Credentials.URL_VARIABLE) != null || env.variable(Credentials.KEY_VARIABLE) != null) {
            env.out().println("BUILDTRACE_URL / BUILDTRACE_API_KEY are set in this environment and still used.");
        }
        return RemoteExitCodes.OK;
    }
}
