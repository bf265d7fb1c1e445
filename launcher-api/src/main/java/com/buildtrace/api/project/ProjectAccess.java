package com.buildtrace.api.project;

import com.buildtrace.api.system.ApiException;
import com.buildtrace.api.system.Caller;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decides which projects a caller may see and what they may do there. Every query of the API goes through a
 * project id checked here, or filters with {@link #VISIBLE}; an object of a project the caller may not see
 * answers 404, exactly like one that does not exist, and an action the caller's role does not allow 403.
 * <p>
 * The rule: a project is visible to its members (table {@code project_member}, roles owner, editor, viewer;
 * the creator is its first owner) while it is not deleted; an API key sees what its user sees, within the
 * projects it was scoped to (view {@code project_principal}).
 */
@Component
public class ProjectAccess {

    /**
     * SQL condition on a project aliased {@code p}, with {@link Caller#principal()} as its one parameter (for
     * a signed-in user that is their user id).
     */
    public static final String VISIBLE = "p.deleted_at IS NULL AND EXISTS (SELECT 1 FROM project_principal pp "
            + "WHERE pp.project_id = p.id AND pp.principal = ?)";

    private final JdbcClient jdbc;

    ProjectAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Checks the caller may see the project.
     *
     * @return the caller's role in it
     * @throws ApiException 404 when the project does not exist, is deleted or the caller is not a member
     */
    public ProjectRole require(Caller caller, UUID project) {
        return jdbc.sql("""
                SELECT pp.role FROM project p JOIN project_principal pp ON pp.project_id = p.id
                WHERE p.id = ? AND p.deleted_at IS NULL AND pp.principal = ?""")
                .params(project, caller.principal()).query(String.class).optional().map(ProjectRole::of)
                .orElseThrow(() -> ApiException.notFound("project", project));
    }

    /**
     * Checks the caller may see the project and has at least this role in it.
     *
     * @param action what the caller wants to do, for the 403's detail ("upload a revision")
     * @return the caller's role in it
     * @throws ApiException 404 as {@link #require(Caller, UUID)}, 403 when the role is not enough
     */
    public ProjectRole require(Caller caller, UUID project, ProjectRole needed, String action) {
        ProjectRole role = require(caller, project);
        if (!role.includes(needed)) {
            throw ApiException.forbidden("you are " + article(role) + " of project " + project + "; to " + action
                    + " you need to be " + article(needed) + (needed == ProjectRole.OWNER ? "" : " or owner"));
        }
        return role;
    }

    private static String article(ProjectRole role) {
        return (role == ProjectRole.VIEWER ? "a " : "an ") + role.value();
    }
}
