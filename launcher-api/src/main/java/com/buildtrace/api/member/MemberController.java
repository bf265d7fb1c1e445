package com.buildtrace.api.member;

import com.buildtrace.api.project.ProjectAccess;
import com.buildtrace.api.project.ProjectRole;
import com.buildtrace.api.system.ApiException;
import com.buildtrace.api.system.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/projects/{project}/members}: every member sees who is in the project; owners invite by e-mail
 * address, change roles and remove members; anyone may leave.
 */
@RestController
@Tag(name = "Members")
class MemberController {

    private final Members members;

    private final ProjectAccess access;

    MemberController(Members members, ProjectAccess access) {
        this.members = members;
        this.access = access;
    }

    /**
     * Someone to add.
     *
     * @param email their e-mail address: a user who signed in with it becomes a member now, else it is invited
     *     and becomes one at its first sign-in
     * @param role owner, editor or viewer
     */
    record NewMember(@NotBlank @Email @Size(max = 320) String email, @NotBlank String role) {
    }

    /** @param role owner, editor or viewer */
    record RoleChange(@NotBlank String role) {
    }

    @GetMapping("/api/v1/projects/{project}/members")
    @Operation(summary = "The project's members and invitations")
    List<Member> list(Caller caller, @PathVariable UUID project) {
        access.require(caller, project);
        return members.list(project);
    }

    @PostMapping("/api/v1/projects/{project}/members")
    @Operation(summary = "Add a member by e-mail address (owners): a member now if they have signed in before, "
            + "else invited until their first sign-in")
    ResponseEntity<Member> add(Caller caller, @PathVariable UUID project, @Valid @RequestBody NewMember body) {
        access.require(caller, project, ProjectRole.OWNER, "add members");
        Member m = members.add(caller, project, body.email(), role(body.role()));
        String id = m.userId() != null ? m.userId() : m.email();
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project + "/members/" + id)).body(m);
    }

    @PatchMapping("/api/v1/projects/{project}/members/{member}")
    @Operation(summary = "Change a member's role (owners); {member} is a user id, or the e-mail address of an "
            + "invitation")
    Member changeRole(Caller caller, @PathVariable UUID project, @PathVariable String member,
                      @Valid @RequestBody RoleChange body) {
        access.require(caller, project, ProjectRole.OWNER, "change roles");
        return members.changeRole(caller, project, member, role(body.role()));
    }

    @DeleteMapping("/api/v1/projects/{project}/members/{member}")
    @Operation(summary = "Remove a member or withdraw an invitation (owners), or leave the project (yourself)")
    ResponseEntity<Void> remove(Caller caller, @PathVariable UUID project, @PathVariable String member) {
        if (member.equals(caller.userId()) && !caller.viaApiKey()) {
            access.require(caller, project);
        } else {
            access.require(caller, project, ProjectRole.OWNER, "remove members");
        }
        members.remove(caller, project, member);
        return ResponseEntity.noContent().build();
    }

    private static ProjectRole role(String role) {
        try {
            return ProjectRole.of(role);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage());
        }
    }
}
