package com.buildtrace.remote;

import com.buildtrace.remote.Json.Node;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** What the launcher API answers, as far as the remote commands read it (members they do not use are ignored). */
final class Resources {

    private Resources() {
    }

    /** {@code GET /api/v1/auth/me}: the user an API key acts for. */
    record User(String id, String email, String name) {

        static User ofMe(Node me) {
            Node u = me.get("user");
            return new User(u.get("id").text(), u.get("email").text(), u.get("name").text());
        }

        /** "Ana Lima <ana@example.com>", or the address alone. */
        String display() {
            return name == null || name.isBlank() ? email : name + " <" + email + ">";
        }
    }

    /** One page of a list. */
    record Page<T>(List<T> items, long total) {

        Page {
            items = List.copyOf(items);
        }

        static <T> Page<T> of(Node page, Function<Node, T> item) {
            return new Page<>(page.get("items").items().stream().map(item).toList(), page.get("total").longValue());
        }
    }

    /** A project, with the caller's role in it. */
    record Project(UUID id, String name) {

        static Project of(Node n) {
            return new Project(n.get("id").uuid(), n.get("name").text());
        }
    }

    /** A drawing set of a project. */
    record DrawingSet(UUID id, String name) {

        static DrawingSet of(Node n) {
            return new DrawingSet(n.get("id").uuid(), n.get("name").text());
        }
    }

    /** A revision of a drawing set. */
    record Revision(UUID id, String setName, int seq, String label) {

        static Revision of(Node n) {
            return new Revision(n.get("id").uuid(), n.get("setName").text(), n.get("seq").integer(),
                    n.get("label").text());
        }
    }

    /** A comparison: status, progress and per-sheet status. */
    record Comparison(UUID id, String status, RevisionRef oldRevision, RevisionRef newRevision, Progress progress,
                      Map<String, Integer> counts, String error, OffsetDateTime createdAt, Double durationSeconds,
                      List<SheetStatus> sheets) {

        static final String COMPLETED = "completed";

        Comparison {
            counts = Map.copyOf(counts);
            sheets = List.copyOf(sheets);
        }

        static Comparison of(Node n) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            n.get("counts").fields().forEach((k, v) -> counts.put(k, v.integer()));
            Node p = n.get("progress");
            return new Comparison(n.get("id").uuid(), n.get("status").text(""), RevisionRef.of(n.get("oldRevision")),
                    RevisionRef.of(n.get("newRevision")), new Progress(p.get("sheetsDone").integer(),
                    p.get("sheetsTotal").integer(), p.get("percent").integer()), counts, n.get("error").text(),
                    n.get("createdAt").time(), n.get("durationSeconds").number(),
                    n.get("sheets").items().stream().map(SheetStatus::of).toList());
        }

        /** Completed, failed or cancelled: it will not change by itself any more. */
        boolean ended() {
            return COMPLETED.equals(status) || "failed".equals(status) || "cancelled".equals(status);
        }

        /** Sheets of this status (changed, unchanged, added, removed, failed). */
        int count(String sheetStatus) {
            return counts.getOrDefault(sheetStatus, 0);
        }

        List<SheetStatus> failedSheets() {
            return sheets.stream().filter(s -> "failed".equals(s.status())).toList();
        }
    }

    /** A revision a comparison compares. */
    record RevisionRef(UUID id, String setName, String label) {

        static RevisionRef of(Node n) {
            return n.isObject() ? new RevisionRef(n.get("id").uuid(), n.get("setName").text(), n.get("label").text())
                    : null;
        }
    }

    /** Sheets done of sheets planned. */
    record Progress(int sheetsDone, int sheetsTotal, int percent) {
    }

    /** A sheet task's status: changed, unchanged, added, removed, failed, or pending. */
    record SheetStatus(int index, String label, String status, int regions, int textChanges, String error) {

        static SheetStatus of(Node n) {
            return new SheetStatus(n.get("index").integer(), n.get("label").text(), n.get("status").text(""),
                    n.get("regions").integer(), n.get("textChanges").integer(), n.get("error").text());
        }

        boolean finished() {
            return !"pending".equals(status);
        }
    }
}
