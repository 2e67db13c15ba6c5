package org.retailhub.security.edge;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The page a person sees when a browser page of the Camunda webapps fails or is refused: people get words, programs get
 * problem details ({@link ErrorProblems}).
 */
public interface HtmlErrorPage {

    /**
     * @param request the error dispatch (its session still tells who is signed in)
     * @param path    the path the browser asked for, e.g. {@code /camunda/app/cockpit/default/}
     * @param status  the HTTP status the page is sent with
     * @return a complete HTML document; every value from outside escaped
     */
    String render(HttpServletRequest request, String path, int status);
}
