package com.buildtrace.api.comment;

import com.buildtrace.api.activity.ActivityLog;
import com.buildtrace.api.comparison.ComparisonService;
import com.buildtrace.api.comparison.ComparisonView;
import com.buildtrace.api.member.Member;
import com.buildtrace.api.member.Members;
import com.buildtrace.api.project.ProjectAccess;
import com.buildtrace.api.project.ProjectRole;
import com.buildtrace.api.system.ApiException;
import com.buildtrace.api.system.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/comparisons/{id}/comments} and {@code /api/v1/comments/{id}}: every member of the project reads
 * and writes comments (on the comparison, a sheet, or a change region), mentioning other members; a comment is
 * edited by its author and deleted by its author or a project owner.
 */
@RestController
@Tag(name = "Comments")
class CommentController {

    private final CommentRepository comments;

    private final ComparisonService comparisons;

    private final Members members;

    private final ProjectAccess access;

    private final ActivityLog activity;

    private final JdbcClient jdbc;

    CommentController(CommentRepository comments, ComparisonService comparisons, Members members,
                      ProjectAccess access, ActivityLog activity, JdbcClient jdbc) {
        this.comments = comments;
        this.comparisons = comparisons;
        this.members = members;
        this.access = access;
        this.activity = activity;
        this.jdbc = jdbc;
    }

    /**
     * A new comment.
     *
     * @param body its text (1 to 10000 characters)
     * @param sheet the sheet it is about (index as in {@code /sheets/{n}}), or none for the whole comparison
     * @param regionId a change region of that sheet (r1, r2, ...), or none
     * @param mentions members it mentions, by e-mail address or user id
     */
    record NewComment(@Size(max = 10000) String body, Integer sheet, @Size(max = 40) String regionId,
                      @Size(max = 50) List<String> mentions) {
    }

    /**
     * Changes to a comment.
     *
     * @param body its new text
     * @param mentions the members it mentions now (absent: as before)
     */
    record CommentChanges(@Size(max = 10000) String body, @Size(max = 50) List<String> mentions) {
    }

    @PostMapping("/api/v1/comparisons/{id}/comments")
    @Operation(summary = "Comment on a comparison, one of its sheets, or one change region; mention members")
    ResponseEntity<Comment> create(Caller caller, @PathVariable UUID id, @Valid @RequestBody NewComment body) {
        ComparisonView c = comparisons.get(caller, id);
        access.require(caller, c.projectId());
        String text = text(body.body());
        if (body.regionId() != null && body.sheet() == null) {
            throw ApiException.invalid("regionId needs the sheet it is on (sheet)");
        }
        if (body.sheet() != null && c.sheets().stream().noneMatch(s -> s.index() == body.sheet())) {
            throw ApiException.invalid("comparison " + id + " has no sheet " + body.sheet() + "; its sheets are 0 to "
                    + (c.sheets().size() - 1));
        }
        if (body.regionId() != null && !regionExists(id, body.sheet(), body.regionId())) {
            throw ApiException.invalid("sheet " + body.sheet() + " of comparison " + id + " has no change region "
                    + body.regionId());
        }
        List<String> mentioned = mentions(c.projectId(), body.mentions());
        UUID commentId = UUID.randomUUID();
        comments.insert(commentId, id, c.projectId(), body.sheet(), body.regionId(), caller.userId(), text, mentioned);
        Comment created = comments.find(caller, commentId).orElseThrow().comment();
        activity.record(caller, c.projectId(), "comment_added", detail(created));
        return ResponseEntity.created(URI.create("/api/v1/comments/" + commentId)).body(created);
    }

    @GetMapping("/api/v1/comparisons/{id}/comments")
    @Operation(summary = "The comments of a comparison, oldest first; of one sheet (sheet=n) or region (and region=r1)")
    List<Comment> list(Caller caller, @PathVariable UUID id, @RequestParam(required = false) Integer sheet,
                       @RequestParam(required = false) String region) {
        comparisons.requireVisible(caller, id);
        return comments.list(id, sheet, region);
    }

    @GetMapping("/api/v1/comments/{id}")
    @Operation(summary = "A comment")
    Comment get(Caller caller, @PathVariable UUID id) {
        return located(caller, id).comment();
    }

    @PatchMapping("/api/v1/comments/{id}")
    @Operation(summary = "Edit a comment (its author only)")
    Comment edit(Caller caller, @PathVariable UUID id, @Valid @RequestBody CommentChanges body) {
        CommentRepository.Located found = located(caller, id);
        if (!found.comment().author().equals(caller.userId())) {
            throw ApiException.forbidden("only its author edits a comment");
        }
        String text = body.body() == null ? found.comment().body() : text(body.body());
        List<String> mentioned = body.mentions() == null ? found.comment().mentions()
                : mentions(found.projectId(), body.mentions());
        comments.update(id, text, mentioned);
        Comment edited = comments.find(caller, id).orElseThrow().comment();
        activity.record(caller, found.projectId(), "comment_edited", detail(edited));
        return edited;
    }

    @DeleteMapping("/api/v1/comments/{id}")
    @Operation(summary = "Delete a comment (its author, or an owner of the project)")
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
        CommentRepository.Located found = located(caller, id);
        if (!found.comment().author().equals(caller.userId())) {
            access.require(caller, found.projectId(), ProjectRole.OWNER, "delete another member's comment");
        }
        comments.delete(id);
        activity.record(caller, found.projectId(), "comment_deleted", detail(found.comment()));
        return ResponseEntity.noContent().build();
    }

    private CommentRepository.Located located(Caller caller, UUID id) {
        CommentRepository.Located found = comments.find(caller, id)
                .orElseThrow(() -> ApiException.notFound("comment", id));
        access.require(caller, found.projectId());
        return found;
    }

    private static String text(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.invalid("body must not be blank");
        }
        return body.strip();
    }

    /** The user ids of the mentioned members (by e-mail or id); anyone else is refused, naming them. */
    private List<String> mentions(UUID project, List<String> wanted) {
        if (wanted == null || wanted.isEmpty()) {
            return List.of();
        }
        Map<String, String> ids = new HashMap<>();
        for (Member m : members.list(project)) {
            if (m.userId() != null && "member".equals(m.status())) {
                ids.put(m.userId().toLowerCase(Locale.ROOT), m.userId());
                ids.put(m.email().toLowerCase(Locale.ROOT), m.userId());
            }
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String w : wanted) {
            String id = w == null ? null : ids.get(w.strip().toLowerCase(Locale.ROOT));
            if (id == null) {
                unknown.add(String.valueOf(w));
            } else {
                out.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiException.invalid("not members of this project, so they cannot be mentioned: "
                    + String.join(", ", unknown));
        }
        return List.copyOf(out);
    }

    private boolean regionExists(UUID comparison, int sheet, String region) {
        return Boolean.TRUE.equals(jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM sheet_pair_result r, jsonb_array_elements(r.regions) g
                               WHERE r.comparison_id = ? AND r.task_index = ? AND g ->> 'id' = ?)""")
                .params(comparison, sheet, region).query(Boolean.class).single());
    }

    private static Map<String, Object> detail(Comment c) {
        Map<String, Object> d = new HashMap<>();
        d.put("comparisonId", c.comparisonId());
        d.put("commentId", c.id());
        if (c.sheet() != null) {
            d.put("sheet", c.sheet());
        }
        if (c.regionId() != null) {
            d.put("regionId", c.regionId());
        }
        if (!c.mentions().isEmpty()) {
            d.put("mentions", c.mentions());
        }
        return d;
    }
}
