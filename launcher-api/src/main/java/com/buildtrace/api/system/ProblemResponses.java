package com.buildtrace.api.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem detail straight to a response, for answers given before a controller is reached (the
 * security filters' 401 and 403, the rate limit's 429), so they look like every other error of the API.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** Writes the problem as {@code application/problem+json}. */
    public static void write(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("https://buildtrace.dev/problems/" + status.value()));
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JsonMapper.shared().writeValueAsString(p));
    }
}
