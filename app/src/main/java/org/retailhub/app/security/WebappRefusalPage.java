package org.retailhub.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Resources;
import org.retailhub.security.edge.HtmlErrorPage;
import org.retailhub.security.identity.HubRole;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * What a person sees when Cockpit, Tasklist or Admin refuse them (e.g. a connector's {@code integration} account signed in
 * through Keycloak): who is signed in, which roles open that webapp ({@code hub.camunda.groups}' application grants), and
 * a button that signs out of the hub and Keycloak alike.
 */
@Component
class WebappRefusalPage implements HtmlErrorPage {

    private final CamundaGroups mapping;

    WebappRefusalPage(CamundaGroups mapping) {
        this.mapping = mapping;
    }

    @Override
    public String render(HttpServletRequest request, String path, int status) {
        Authentication person = signedIn(request);
        String webapp = webappOf(path);
        StringBuilder body = new StringBuilder();
        if (status == HttpStatus.FORBIDDEN.value() && person != null) {
            body.append("<p>You are signed in as <b>").append(escape(person.getName())).append("</b> (roles: ")
                    .append(escape(String.join(", ", rolesOf(person)))).append(").</p>")
                    .append("<p>").append(escape(title(webapp))).append(" is open to the roles <b>")
                    .append(escape(String.join(", ", rolesOpening(webapp)))).append("</b>. Ask an administrator to give your account one ")
                    .append("of them in Keycloak, or sign out and sign in as someone who has one.</p>");
        } else {
            body.append("<p>").append(escape(title(webapp))).append(" could not show this page.</p>");
        }
        if (person != null) {
            body.append("<form method=\"post\" action=\"").append(escape(request.getContextPath())).append("/logout\">")
                    .append("<button type=\"submit\">Sign out</button></form>");
        }
        HttpStatus known = HttpStatus.resolve(status);
        String heading = status + " " + (known == null ? "Error" : known.getReasonPhrase());
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>retail-hub: " + escape(heading) + "</title></head>"
                + "<body><h1>" + escape(heading) + "</h1>" + body + "</body></html>";
    }

    /** The roles whose Camunda group may open {@code webapp}: Camunda administrators are the admins. */
    List<String> rolesOpening(String webapp) {
        TreeSet<String> roles = new TreeSet<>();
        mapping.groups().forEach((group, definition) -> {
            boolean opens = definition.grants().stream().anyMatch(grant -> "*".equals(grant.resource())
                    || Resources.APPLICATION.name().equals(grant.resource()) && ("*".equals(grant.id()) || webapp.equals(grant.id())));
            if (opens) {
                roles.add(Groups.CAMUNDA_ADMIN.equals(group) ? HubRole.ADMIN.realmRole() : group);
            }
        });
        return List.copyOf(roles);
    }

    /** The browser session's login: the error dispatch runs outside the webapps' security chain, the session still knows. */
    private static Authentication signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object context = session == null ? null : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof SecurityContext security ? security.getAuthentication() : null;
    }

    private static List<String> rolesOf(Authentication person) {
        List<String> roles = person.getAuthorities().stream().flatMap(a -> HubRole.ofAuthority(a.getAuthority()).stream())
                .map(HubRole::realmRole).sorted().toList();
        return roles.isEmpty() ? List.of("none") : roles;
    }

    /** {@code /camunda/app/cockpit/default/} is Cockpit; anything else under {@code /camunda/} the webapps as a whole. */
    private static String webappOf(String path) {
        String[] parts = path.split("/");
        return parts.length > 3 && "app".equals(parts[2]) ? parts[3] : "the Camunda webapps";
    }

    private static String title(String webapp) {
        return webapp.isEmpty() ? webapp : webapp.substring(0, 1).toUpperCase(Locale.ROOT) + webapp.substring(1);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
