package com.buildtrace.api.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
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
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://buildtrace.dev/problems/" + status.value());
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        byte[] body = JsonMapper.shared().writeValueAsBytes(problem);
        response.setStatus(status.value());
        response.setHeader("Content-Type", "application/problem+json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
