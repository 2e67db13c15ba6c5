package org.retailhub.security.edge;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.retailhub.domain.shared.DatabaseUnreachable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Answers every error the servlet container routes to {@code /error} (what no handler answered: a status sent by a filter
 * or by Camunda, an exception thrown outside Spring MVC) in place of Spring Boot's Whitelabel page and JSON: an RFC 9457
 * problem detail, {@code 503} with {@code Retry-After} when the database does not answer, and for a browser page of the
 * Camunda webapps a page that says why ({@link HtmlErrorPage}). Nothing internal is shown.
 */
@Controller
public class ErrorProblems implements ErrorController {

    private static final String WEBAPPS = "/camunda/";

    private final ErrorAttributes errors;
    private final ObjectProvider<HtmlErrorPage> pages;

    public ErrorProblems(ErrorAttributes errors, ObjectProvider<HtmlErrorPage> pages) {
        this.errors = errors;
        this.pages = pages;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Throwable failure = errors.getError(new ServletWebRequest(request));
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer c && c >= 400 ? c : 500;
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                ? uri.substring(request.getContextPath().length()) : "";
        boolean databaseDown = failure != null && DatabaseUnreachable.isCause(failure);
        if (databaseDown) {
            status = HttpStatus.SERVICE_UNAVAILABLE.value();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(UnavailableDatabase.RETRY_AFTER.toSeconds()));
        }
        HtmlErrorPage page = pages.getIfAvailable();
        if (page != null && path.startsWith(WEBAPPS) && wantsPage(request)) {
            response.setStatus(status);
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(page.render(request, path, status));
        } else if (databaseDown) {
            Problems.write(response, status, UnavailableDatabase.TYPE, UnavailableDatabase.TITLE, UnavailableDatabase.DETAIL,
                    Map.of("instance", path));
        } else {
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            Problems.write(response, status, title.toLowerCase(Locale.ROOT).replace(' ', '-'), title, detail(status), Map.of("instance", path));
        }
    }

    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "the request is not valid";
            case 401 -> "send valid credentials to call this endpoint";
            case 403 -> "your roles do not allow this call";
            case 404 -> "there is nothing at this path";
            case 405 -> "this path does not take this method";
            case 406 -> "this path cannot answer in a media type the request accepts";
            case 415 -> "this path does not take a body of this media type";
            default -> status >= 500 ? "the hub could not answer this request; the failure is logged" : "the request was refused";
        };
    }
}
