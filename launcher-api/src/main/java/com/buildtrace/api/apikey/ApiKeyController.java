package com.buildtrace.api.apikey;

import com.buildtrace.api.project.ProjectAccess;
import com.buildtrace.api.system.ApiException;
import com.buildtrace.api.system.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/keys}: the signed-in user's API keys: create (the key is in that answer only), list,
 * revoke. Keys cannot manage keys.
 */
@RestController
@Tag(name = "API keys")
class ApiKeyController {

    private final ApiKeys keys;

    private final ProjectAccess access;

    ApiKeyController(ApiKeys keys, ProjectAccess access) {
        this.keys = keys;
        this.access = access;
    }

    /**
     * A new key.
     *
     * @param name what it is for ("CI upload job")
     * @param projects the projects it may reach (the caller's role in each applies); absent for all of the
     *     caller's projects, present and future
     */
    record NewKey(@NotBlank @Size(max = 200) String name, @Size(min = 1, max = 100) List<UUID> projects) {
    }

    @PostMapping("/api/v1/keys")
    @Operation(summary = "Create an API key (send it as 'Authorization: Bearer bt_...' or 'X-API-Key'); "
            + "the key is shown in this answer only")
    ResponseEntity<ApiKey> create(Caller caller, @Valid @RequestBody NewKey body) {
        signedIn(caller);
        List<UUID> projects = body.projects() == null ? null : body.projects().stream().distinct().toList();
        if (projects != null) {
            projects.forEach(p -> access.require(caller, p));
        }
        ApiKey key = keys.create(caller, body.name().strip(), projects);
        return ResponseEntity.created(URI.create("/api/v1/keys/" + key.id())).body(key);
    }

    @GetMapping("/api/v1/keys")
    @Operation(summary = "List the caller's API keys (without the keys themselves), with their last use")
    List<ApiKey> list(Caller caller) {
        signedIn(caller);
        return keys.list(caller);
    }

    @DeleteMapping("/api/v1/keys/{id}")
    @Operation(summary = "Revoke an API key: requests with it are refused from now on")
    ResponseEntity<Void> revoke(Caller caller, @PathVariable UUID id) {
        signedIn(caller);
        if (!keys.revoke(caller, id)) {
            throw ApiException.notFound("API key", id);
        }
        return ResponseEntity.noContent().build();
    }

    private static void signedIn(Caller caller) {
        if (caller.viaApiKey()) {
            throw ApiException.forbidden("API keys are managed by a signed-in user, not with an API key");
        }
    }
}
