package com.buildtrace.api.member;

import com.buildtrace.api.activity.ActivityLog;
import com.buildtrace.api.auth.User;
import com.buildtrace.api.auth.UserRepository;
import com.buildtrace.api.project.ProjectRole;
import com.buildtrace.api.system.ApiException;
import com.buildtrace.api.system.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The members of a project and its invitations. A project always keeps an owner: the last one can be neither
 * demoted nor removed. Callers have checked the caller's role (see {@link MemberController}).
 */
@Service
public class Members {

    private final UserRepository users;

    private final JdbcClient jdbc;

    private final TransactionTemplate tx;

    private final ActivityLog activity;

    Members(JdbcClient jdbc, @Qualifier("transactionManager") PlatformTransactionManager tx, ActivityLog activity,
            UserRepository users) {
        this.jdbc = jdbc;
        this.users = users;
        this.tx = new TransactionTemplate(tx);
        this.activity = activity;
    }

    /** Members, owners first, then invitations. */
    public List<Member> list(UUID project) {
        List<Member> members = new ArrayList<>(jdbc.sql("""
                SELECT m.user_id, u.email, u.name, m.role, 'member' AS status, m.added_by, m.added_at
                FROM project_member m JOIN app_user u ON u.id = m.user_id WHERE m.project_id = ?
                ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'editor' THEN 1 ELSE 2 END, lower(u.email)""")
                .param(project).query(Members::member).list());
        members.addAll(jdbc.sql("""
                SELECT NULL AS user_id, i.email, NULL AS name, i.role, 'invited' AS status, i.invited_by AS added_by,
                       i.invited_at AS added_at
                FROM project_invitation i WHERE i.project_id = ? ORDER BY i.email""")
                .param(project).query(Members::member).list());
        return members;
    }

    /**
     * Adds the user with this e-mail address, or invites the address when nobody signed in with it yet.
     *
     * @throws ApiException 409 when they are a member or invited already
     */
    Member add(Caller caller, UUID project, String email, ProjectRole role) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        return tx.execute(status -> {
            Optional<String> user = users.findByEmail(address).map(User::id);
            if (user.isPresent()) {
                int added = jdbc.sql("""
                        INSERT INTO project_member (project_id, user_id, role, added_by) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""").params(project, user.get(), role.value(), caller.userId()).update();
                if (added == 0) {
                    throw ApiException.conflict(address + " is a member of the project already; change their role "
                            + "instead");
                }
                activity.record(caller, project, "member_added", Map.of("userId", user.get(), "email", address,
                        "role", role.value()));
                return find(project, user.get()).orElseThrow();
            }
            int invited = jdbc.sql("""
                    INSERT INTO project_invitation (project_id, email, role, invited_by) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""").params(project, address, role.value(), caller.userId()).update();
            if (invited == 0) {
                throw ApiException.conflict(address + " is invited to the project already");
            }
            activity.record(caller, project, "member_invited", Map.of("email", address, "role", role.value()));
            return find(project, address).orElseThrow();
        });
    }

    /** A member by user id, or an invitation by e-mail address. */
    Optional<Member> find(UUID project, String member) {
        Optional<Member> m = jdbc.sql("""
                SELECT m.user_id, u.email, u.name, m.role, 'member' AS status, m.added_by, m.added_at
                FROM project_member m JOIN app_user u ON u.id = m.user_id WHERE m.project_id = ? AND m.user_id = ?""")
                .params(project, member).query(Members::member).optional();
        return m.isPresent() ? m : jdbc.sql("""
                SELECT NULL AS user_id, i.email, NULL AS name, i.role, 'invited' AS status, i.invited_by AS added_by,
                       i.invited_at AS added_at
                FROM project_invitation i WHERE i.project_id = ? AND i.email = lower(?)""")
                .params(project, member).query(Members::member).optional();
    }

    /**
     * Changes a member's (or an invitation's) role.
     *
     * @throws ApiException 404 for no such member, 409 when that would leave the project without an owner
     */
    Member changeRole(Caller caller, UUID project, String member, ProjectRole role) {
        return tx.execute(status -> {
            Member m = locked(project, member);
            if (m.userId() == null) {
                jdbc.sql("UPDATE project_invitation SET role = ? WHERE project_id = ? AND email = ?")
                        .params(role.value(), project, m.email()).update();
            } else {
                if (m.role().equals("owner") && role != ProjectRole.OWNER) {
                    keepAnOwner(project);
                }
                jdbc.sql("UPDATE project_member SET role = ? WHERE project_id = ? AND user_id = ?")
                        .params(role.value(), project, m.userId()).update();
            }
            activity.record(caller, project, "member_role_changed", Map.of("member", member, "email", m.email(),
                    "from", m.role(), "to", role.value()));
            return find(project, member).orElseThrow();
        });
    }

    /**
     * Removes a member, or withdraws an invitation.
     *
     * @throws ApiException 404 for no such member, 409 for the last owner
     */
    void remove(Caller caller, UUID project, String member) {
        tx.executeWithoutResult(status -> {
            Member m = locked(project, member);
            if (m.userId() == null) {
                jdbc.sql("DELETE FROM project_invitation WHERE project_id = ? AND email = ?").params(project, m.email())
                        .update();
            } else {
                if (m.role().equals("owner")) {
                    keepAnOwner(project);
                }
                jdbc.sql("DELETE FROM project_member WHERE project_id = ? AND user_id = ?").params(project, m.userId())
                        .update();
            }
            activity.record(caller, project, "member_removed", Map.of("member", member, "email", m.email(),
                    "role", m.role()));
        });
    }

    /** The member, with the project's memberships locked against a concurrent change. */
    private Member locked(UUID project, String member) {
        jdbc.sql("SELECT user_id FROM project_member WHERE project_id = ? FOR UPDATE").param(project)
                .query(String.class).list();
        return find(project, member).orElseThrow(() -> ApiException.notFound("member", member));
    }

    private void keepAnOwner(UUID project) {
        int owners = jdbc.sql("SELECT count(*) FROM project_member WHERE project_id = ? AND role = 'owner'")
                .param(project).query(Integer.class).single();
        if (owners <= 1) {
            throw ApiException.conflict("the project needs an owner: make someone else owner first");
        }
    }

    private static Member member(ResultSet rs, int row) throws SQLException {
        return new Member(rs.getString("user_id"), rs.getString("email"), rs.getString("name"), rs.getString("role"),
                rs.getString("status"), rs.getString("added_by"), rs.getObject("added_at", OffsetDateTime.class));
    }
}
