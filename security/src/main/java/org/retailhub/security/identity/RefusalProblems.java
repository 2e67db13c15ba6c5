package org.retailhub.security.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.retailhub.security.edge.Problems;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 (no or bad credentials, with the scheme to use) and 403 (credentials fine, role or channel missing) as problem details. */
final class RefusalProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final String challenge;

    RefusalProblems(String challenge) {
        this.challenge = challenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", challenge);
        Problems.write(response, 401, "unauthenticated", "Authentication required",
                "send valid credentials (" + challenge.split(" ")[0] + ") to call this endpoint");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        ChannelRefused refused = e instanceof ChannelRefused channel ? channel
                : e instanceof AuthorizationDeniedException denied && denied.getAuthorizationResult() instanceof ChannelRefused.Decision decision
                ? decision.refused() : null;
        if (refused != null) {
            Problems.write(response, 403, "channel-not-permitted", "Not this account's channel", refused.getMessage(),
                    Map.of("channel", refused.channel().name(), "account", refused.account()));
            return;
        }
        Problems.write(response, 403, "forbidden", "Forbidden", "your roles do not allow this call");
    }
}
