package com.buildtrace.remote;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code buildtrace remote login}: checks an API key against the API and keeps it. */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Checks an API key against the API (GET /api/v1/auth/me) and keeps the address and the key in "
                + "~/.buildtrace/remote.json, readable by you only.",
            "Without login, BUILDTRACE_URL and BUILDTRACE_API_KEY serve every command and nothing is stored."})
final class LoginCommand implements Callable<Integer> {

    @ParentCommand
    RemoteCommand remote;

    @Option(names = "--url", paramLabel = "URL",
            description = "The server's address, e.g. https://buildtrace.example.com (default: BUILDTRACE_URL).")
    String url;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = {"The API key (bt_...). Default: BUILDTRACE_API_KEY, else read from stdin (asked for without "
                + "echo on a terminal).", "A key given here shows in the process list: prefer stdin."})
    String apiKey;

    @Override
    public Integer call() throws IOException {
        RemoteEnvironment env = remote.env();
        String address = url != null ? url : env.variable(Credentials.URL_VARIABLE);
        if (address == null) {
            throw RemoteException.usage("give the server's address: --url https://... (or set BUILDTRACE_URL)");
        }
        String key = apiKey != null ? apiKey.strip() : env.variable(Credentials.KEY_VARIABLE);
        Credentials credentials = new Credentials(Credentials.url(address), key != null ? key : readKey(env));
        RemoteCommand.warnIfUnencrypted(env, credentials);
        Resources.User user = Resources.User.ofMe(new RemoteApi(credentials, env).get("/auth/me"));
        Credentials.CredentialsFile.write(env, credentials, user.email());
        env.out().println("Signed in to " + credentials.url() + " as " + user.display() + " with API key "
                + credentials.keyHint());
        env.out().println("Saved in " + env.credentialsFile() + " (readable by you only)");
        return RemoteExitCodes.OK;
    }

    /** The key from the terminal (not echoed) or the first line of stdin. */
    private static String readKey(RemoteEnvironment env) throws IOException {
        Console console = env.terminal() ? System.console() : null;
        String key;
        if (console != null) {
            char[] typed = console.readPassword("API key (bt_...): ");
            key = typed == null ? null : new String(typed);
        } else {
            key = new BufferedReader(new InputStreamReader(env.stdin(), StandardCharsets.UTF_8)).readLine();
        }
        if (key == null || key.isBlank()) {
            throw RemoteException.usage("no API key: pipe it to stdin, set BUILDTRACE_API_KEY or give --api-key");
        }
        return key.strip();
    }
}
