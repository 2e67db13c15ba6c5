package org.retailhub.routes.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses {@code POST /api/orders} while the {@link IntakeGate} is closed: {@code 503} with {@code Retry-After} and a
 * problem detail of type {@code intake-busy}. It answers after authentication and before Spring MVC reads the body, so
 * a refusal costs no JSON binding, no validation and no exception. Refused clients come back after {@code Retry-After},
 * which grows with the closure ({@link IntakeGate#retryAfterSeconds}), so above saturation refusals do not outnumber
 * orders many times (ops/bench/RESULTS.md, runs 10 and 11).
 *
 * <p>503, not 429: the hub as a whole is behind, not this client over a quota of its own (429 is the security module's
 * per-client rate limit).
 */
@Configuration
public class IntakeRefusal implements HandlerInterceptor, WebMvcConfigurer {

    static final String PROBLEM_TYPE = "https://retail-hub.org/problems/intake-busy";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IntakeGate gate;

    public IntakeRefusal(IntakeGate gate) {
        this.gate = gate;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/orders");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        if (!HttpMethod.POST.matches(request.getMethod()) || gate.admits()) {
            return true;
        }
        long seconds = gate.retryAfterSeconds();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", PROBLEM_TYPE);
        problem.put("title", "The hub is behind, try again");
        problem.put("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        problem.put("detail", "the hub has more accepted orders than it can start now; nothing was stored, send the same order again after "
                + seconds + " s");
        problem.put("instance", request.getRequestURI());
        problem.put("retryAfterSeconds", seconds);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // bytes, UTF-8 as JSON always is: no charset parameter, as Spring MVC's own problem details
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
        return false;
    }
}
