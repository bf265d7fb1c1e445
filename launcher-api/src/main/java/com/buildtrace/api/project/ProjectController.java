package com.buildtrace.api.project;

import com.buildtrace.api.activity.ActivityLog;
import com.buildtrace.api.system.ApiException;
import com.buildtrace.api.system.Caller;
import com.buildtrace.api.system.PageOf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/projects}: create (the caller becomes its owner), list the caller's, get, rename or change
 * settings (editors), delete (soft; owners).
 */
@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "Projects")
class ProjectController {

    private final ProjectRepository projects;

    private final ProjectAccess access;

    private final ActivityLog activity;

    ProjectController(ProjectRepository projects, ProjectAccess access, ActivityLog activity) {
        this.projects = projects;
        this.access = access;
        this.activity = activity;
    }

    /**
     * A new project.
     *
     * @param name its name
     * @param compareOnUpload compare every new revision with the previous one of its set (default false)
     * @param compareSchedule cron (second minute hour day month weekday), e.g. {@code 0 0 6 * * MON-FRI}: at
     *     those times the latest two revisions of each drawing set are compared
     */
    record NewProject(@NotBlank @Size(max = 200) String name, Boolean compareOnUpload, String compareSchedule) {
    }

    /**
     * Changes to a project; absent fields stay as they are, an empty {@code compareSchedule} removes it.
     */
    record ProjectChanges(@Size(min = 1, max = 200) String name, Boolean compareOnUpload, String compareSchedule) {
    }

    @PostMapping
    @Operation(summary = "Create a project")
    ResponseEntity<Project> create(Caller caller, @Valid @RequestBody NewProject body) {
        Project p = projects.create(caller, body.name().strip(), Boolean.TRUE.equals(body.compareOnUpload()),
                schedule(body.compareSchedule()));
        activity.record(caller, p.id(), "project_created", Map.of("name", p.name()));
        return ResponseEntity.created(URI.create("/api/v1/projects/" + p.id())).body(p);
    }

    @GetMapping
    @Operation(summary = "List the caller's projects, newest first")
    PageOf<Project> list(Caller caller, @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "20") int size) {
        PageOf.check(page, size);
        return new PageOf<>(projects.list(caller, page, size), page, size, projects.count(caller));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a project")
    Project get(Caller caller, @Parameter(description = "project id") @PathVariable UUID id) {
        return projects.find(caller, id).orElseThrow(() -> ApiException.notFound("project", id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename a project or change its comparison settings")
    Project update(Caller caller, @PathVariable UUID id, @Valid @RequestBody ProjectChanges body) {
        access.require(caller, id, ProjectRole.EDITOR, "change the project's name or settings");
        Project p = get(caller, id);
        String schedule = body.compareSchedule() == null ? p.compareSchedule() : schedule(body.compareSchedule());
        String name = body.name() == null ? p.name() : nonBlank(body.name());
        boolean onUpload = body.compareOnUpload() == null ? p.compareOnUpload() : body.compareOnUpload();
        projects.update(id, name, onUpload, schedule);
        Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
        changed(changes, "name", p.name(), name);
        changed(changes, "compareOnUpload", p.compareOnUpload(), onUpload);
        changed(changes, "compareSchedule", p.compareSchedule(), schedule);
        if (!changes.isEmpty()) {
            activity.record(caller, id, "project_updated", changes);
        }
        return get(caller, id);
    }

    /** Adds {@code {from, to}} under the setting's name when its value changed (null values kept). */
    private static void changed(Map<String, Map<String, Object>> changes, String setting, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            Map<String, Object> change = new HashMap<>();
            change.put("from", from);
            change.put("to", to);
            changes.put(setting, change);
        }
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a project (it is hidden; its drawings and comparisons are kept)")
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
        access.require(caller, id, ProjectRole.OWNER, "delete the project");
        projects.softDelete(id);
        activity.record(caller, id, "project_deleted", Map.of());
        return ResponseEntity.noContent().build();
    }

    private static String nonBlank(String name) {
        if (name.isBlank()) {
            throw ApiException.invalid("name must not be blank");
        }
        return name.strip();
    }

    /** A valid cron expression, or null for an empty one. */
    private static String schedule(String cron) {
        if (cron == null || cron.isBlank()) {
            return null;
        }
        if (!CronExpression.isValidExpression(cron.strip())) {
            throw ApiException.invalid("compareSchedule '" + cron + "' is not a cron expression of six fields "
                    + "(second minute hour day month weekday), e.g. '0 0 6 * * MON-FRI'");
        }
        return cron.strip();
    }
}
