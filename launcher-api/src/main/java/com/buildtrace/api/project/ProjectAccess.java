package com.buildtrace.api.project;

import com.buildtrace.api.system.ApiException;
import com.buildtrace.api.system.Caller;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decides which projects a caller may see. Every query of the API goes through a project id checked here, or
 * filters with {@link #VISIBLE}; an object of a project the caller may not see answers 404, exactly like one
 * that does not exist.
 * <p>
 * The rule: a project is visible to the user who created it, while it is not deleted. Project membership
 * with roles extends this one place.
 */
@Component
public class ProjectAccess {

    /** SQL condition on a project aliased {@code p}, with the caller's user id as its one parameter. */
    public static final String VISIBLE = "p.deleted_at IS NULL AND p.created_by = ?";

    private final JdbcClient jdbc;

    ProjectAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Checks the caller may see the project.
     *
     * @throws ApiException 404 when the project does not exist, is deleted or is not the caller's
     */
    public void require(Caller caller, UUID project) {
        boolean visible = jdbc.sql("SELECT count(*) FROM project p WHERE p.id = ? AND " + VISIBLE)
                .params(project, caller.userId()).query(Integer.class).single() > 0;
        if (!visible) {
            throw ApiException.notFound("project", project);
        }
    }
}
