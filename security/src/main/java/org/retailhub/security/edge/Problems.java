package org.retailhub.security.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;

/**
 * RFC 9457 problem details written straight to the servlet response, for answers given before Spring MVC runs
 * (authentication, authorisation, rate and size limits) or after it gave up (the container's error dispatch). They name
 * the rule that stopped the request, nothing internal.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://retail-hub.org/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static void write(HttpServletResponse response, int status, String type, String title, String detail) throws IOException {
        write(response, status, type, title, detail, Map.of());
    }

    /** A problem with extension members, e.g. the refused {@code channel}. */
    public static void write(HttpServletResponse response, int status, String type, String title, String detail,
                             Map<String, ?> extensions) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.putAll(extensions);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
