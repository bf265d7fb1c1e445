package com.buildtrace.api.activity;

import com.buildtrace.api.project.ProjectAccess;
import com.buildtrace.api.system.Caller;
import com.buildtrace.api.system.PageOf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/projects/{project}/activity}: what happened in a project, for any of its members. */
@RestController
@Tag(name = "Activity")
class ActivityController {

    private final ActivityLog log;

    private final ProjectAccess access;

    ActivityController(ActivityLog log, ProjectAccess access) {
        this.log = log;
        this.access = access;
    }

    @GetMapping("/api/v1/projects/{project}/activity")
    @Operation(summary = "A project's activity, newest first: uploads, comparisons launched, member changes")
    PageOf<Activity> activity(Caller caller, @PathVariable UUID project, @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "50") int size) {
        PageOf.check(page, size);
        access.require(caller, project);
        return new PageOf<>(log.ofProject(project, page, size), page, size, log.countOfProject(project));
    }
}
