package com.buildtrace.api.activity;

import com.buildtrace.api.project.ProjectAccess;
import com.buildtrace.api.system.ApiException;
import com.buildtrace.api.system.Caller;
import com.buildtrace.api.system.PageOf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/projects/{project}/activity}: what happened in a project, for any of its members, all of it
 * or only some actions.
 */
@RestController
@Tag(name = "Activity")
class ActivityController {

    /** What an action's name looks like: member_added, comparison_launched. */
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z_]{0,63}");

    private static final int MAX_ACTIONS = 30;

    private final ActivityLog log;

    private final ProjectAccess access;

    ActivityController(ActivityLog log, ProjectAccess access) {
        this.log = log;
        this.access = access;
    }

    @GetMapping("/api/v1/projects/{project}/activity")
    @Operation(summary = "A project's activity, newest first: uploads, comparisons launched, cancelled and "
            + "restarted, summaries, comments, member and settings changes; only some actions with ?action=")
    PageOf<Activity> activity(Caller caller, @PathVariable UUID project, @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "50") int size,
                              @Parameter(description = "only these actions (repeat it, or separate them with "
                                      + "commas), e.g. member_added,member_removed")
                              @RequestParam(name = "action", required = false) List<String> actions) {
        PageOf.check(page, size);
        List<String> only = actions == null ? List.of() : actions.stream().map(String::strip)
                .filter(a -> !a.isEmpty()).distinct().toList();
        if (only.size() > MAX_ACTIONS || only.stream().anyMatch(a -> !ACTION.matcher(a).matches())) {
            throw ApiException.invalid("action takes up to " + MAX_ACTIONS + " action names such as member_added "
                    + "(lower-case letters and underscores), not " + only);
        }
        access.require(caller, project);
        return new PageOf<>(log.ofProject(project, only, page, size), page, size, log.countOfProject(project, only));
    }
}
