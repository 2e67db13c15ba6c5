package org.retailhub.security.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token-bucket rate limit (Bucket4j) for one kind of caller: per remote address, or per authenticated client. Over the
 * budget the answer is 429 with {@code Retry-After} and a problem detail; other callers keep their own buckets.
 * Buckets of callers not seen for ten minutes are forgotten, and at most 100 000 are kept, so spoofed keys cannot fill memory.
 */
public final class FloodGuard extends OncePerRequestFilter {

    private final String name;
    private final Function<HttpServletRequest, String> caller;
    private final EdgeLimits.Budget budget;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    private FloodGuard(String name, Function<HttpServletRequest, String> caller, EdgeLimits.Budget budget) {
        this.name = name;
        this.caller = caller;
        this.budget = budget;
    }

    /** One bucket per remote address (the proxy's, unless {@code server.forward-headers-strategy} is set). */
    public static FloodGuard perIp(EdgeLimits.Budget budget) {
        return new FloodGuard("address", HttpServletRequest::getRemoteAddr, budget);
    }

    /** One bucket per authenticated caller (token's user or service account, Basic user); anonymous requests pass. */
    public static FloodGuard perClient(EdgeLimits.Budget budget) {
        return new FloodGuard("client", request -> {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            return auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken ? null : auth.getName();
        }, budget);
    }

    /** Each guard (address, client) runs once per request, although both are of this class. */
    @Override
    protected String getAlreadyFilteredAttributeName() {
        return FloodGuard.class.getName() + "." + name + ".FILTERED";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = caller.apply(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        ConsumptionProbe probe = buckets.get(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        response.setHeader("Retry-After", Long.toString(seconds));
        Problems.write(response, 429, "too-many-requests", "Too many requests",
                "this " + name + " sent more requests than its budget; retry after " + seconds + " s");
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(limit -> limit.capacity(budget.capacity()).refillGreedy(budget.refill(), budget.period())).build();
    }
}
