package com.buildtrace.remote;

import com.buildtrace.remote.Resources.DrawingSet;
import com.buildtrace.remote.Resources.Page;
import com.buildtrace.remote.Resources.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Projects and drawing sets named the way people name them: by id or by name. */
final class Projects {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final int PAGE = 100;

    private Projects() {
    }

    /** The project with this id, or the one project of the caller's with this name (case aside). */
    static Project find(RemoteApi api, String idOrName) {
        String wanted = idOrName.strip();
        if (UUID_TEXT.matcher(wanted).matches()) {
            try {
                return Project.of(api.get("/projects/" + wanted));
            } catch (RemoteException e) {
                throw e.status() == 404 ? notFound(idOrName) : e;
            }
        }
        List<Project> all = all(api);
        List<Project> named = all.stream().filter(p -> p.name().equalsIgnoreCase(wanted)).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.isEmpty()) {
            throw new RemoteException(RemoteExitCodes.FAILED, "no project named '" + wanted + "' among the "
                    + all.size() + " this API key reaches" + (all.isEmpty() ? "" : ": "
                    + String.join(", ", all.stream().limit(10).map(p -> "'" + p.name() + "'").toList())
                    + (all.size() > 10 ? ", ..." : "")));
        }
        throw RemoteException.usage("several projects are named '" + wanted + "' ("
                + String.join(", ", named.stream().map(p -> p.id().toString()).toList()) + "): give --project an id");
    }

    /**
     * The drawing set of the project to upload into: the one named {@code name} (created when it does not exist);
     * without a name, the project's only set, or a new one named {@code fallback} when it has none.
     */
    static DrawingSet set(RemoteApi api, Project project, String name, String fallback, StatusLine line) {
        String path = "/projects/" + project.id() + "/sets";
        List<DrawingSet> sets = api.get(path).items().stream().map(DrawingSet::of).toList();
        if (name == null && sets.size() > 1) {
            throw RemoteException.usage("project '" + project.name() + "' has " + sets.size() + " drawing sets ("
                    + String.join(", ", sets.stream().map(s -> "'" + s.name() + "'").toList())
                    + "): name one with --set");
        }
        if (name == null && sets.size() == 1) {
            return sets.get(0);
        }
        String wanted = (name == null ? fallback : name).strip();
        for (DrawingSet s : sets) {
            if (s.name().equalsIgnoreCase(wanted)) {
                return s;
            }
        }
        try {
            DrawingSet created = DrawingSet.of(api.post(path, Map.of("name", wanted)).body());
            line.say("created drawing set '" + created.name() + "' in project '" + project.name() + "'");
            return created;
        } catch (RemoteException e) {
            if (e.status() != 409) {
                throw e;
            }
            // created by someone else in the meantime
            return api.get(path).items().stream().map(DrawingSet::of)
                    .filter(s -> s.name().equalsIgnoreCase(wanted)).findFirst().orElseThrow(() -> e);
        }
    }

    private static List<Project> all(RemoteApi api) {
        List<Project> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<Project> p = Page.of(api.get("/projects?page=" + page + "&size=" + PAGE), Project::of);
            all.addAll(p.items());
            if (p.items().size() < PAGE || all.size() >= p.total()) {
                return all;
            }
        }
    }

    private static RemoteException notFound(String id) {
        return new RemoteException(RemoteExitCodes.FAILED, "no project " + id + " (or not one this API key reaches)");
    }
}
