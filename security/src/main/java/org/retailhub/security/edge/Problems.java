package org.retailhub.security.edge;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;

/**
 * RFC 9457 problem details written straight to the servlet response, for answers given before Spring MVC runs
 * (authentication, authorisation, rate and size limits). They name the rule that stopped the request, nothing internal.
 */
public final class Problems {

    private static final String TYPE_BASE = "https://retail-hub.org/problems/";

    private Problems() {
    }

    public static void write(HttpServletResponse response, int status, String type, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"" + TYPE_BASE + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
