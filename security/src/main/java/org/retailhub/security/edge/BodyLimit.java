package org.retailhub.security.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above the limit before anything parses them: 413 when the declared length is too large, and a
 * stream that fails after the limit when no length is declared (chunked), so a huge body never fills memory.
 */
public final class BodyLimit extends OncePerRequestFilter {

    private final EdgeLimits limits;

    public BodyLimit(EdgeLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long max = request.getRequestURI().startsWith(request.getContextPath() + "/api/") ? limits.maxBody().toBytes() : limits.maxUpload().toBytes();
        if (request.getContentLengthLong() > max) {
            Problems.write(response, 413, "body-too-large", "Request body too large", "the body exceeds " + max + " bytes");
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Bounded(request, max) : request, response);
    }

    private static final class Bounded extends HttpServletRequestWrapper {

        private final long max;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > max) {
                            throw new IOException("request body exceeds " + max + " bytes");
                        }
                        return b;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
