package org.retailhub.security.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.retailhub.domain.shared.Channel;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One declared access rule: requests with {@code method} (null: any) on one of {@code paths} are open to anyone
 * ({@code roles} empty and {@code why} says why), or to the listed roles only, and with a {@code channel} only to
 * accounts of that channel ({@link ChannelAccounts}).
 */
public record EndpointRule(HttpMethod method, List<String> paths, Set<HubRole> roles, String why, Channel channel) {

    public static EndpointRule open(HttpMethod method, String why, String... paths) {
        return new EndpointRule(method, List.of(paths), Set.of(), why, null);
    }

    public static EndpointRule roles(HttpMethod method, Set<HubRole> roles, String... paths) {
        return new EndpointRule(method, List.of(paths), EnumSet.copyOf(roles), null, null);
    }

    /** For the listed roles, and of those only for accounts that act for {@code channel}. */
    public static EndpointRule channel(HttpMethod method, Channel channel, Set<HubRole> roles, String... paths) {
        return new EndpointRule(method, List.of(paths), EnumSet.copyOf(roles), null, channel);
    }

    public boolean isOpen() {
        return roles.isEmpty();
    }

    public String[] authorities() {
        return roles.stream().map(HubRole::authority).toArray(String[]::new);
    }

    public RequestMatcher matcher() {
        return matcher(method, paths);
    }

    /**
     * Path patterns over the whole path within the application: Camunda's APIs are separate servlets, which Spring MVC's
     * matchers (the default for plain strings) would not see.
     */
    static RequestMatcher matcher(HttpMethod method, List<String> paths) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> matchers = paths.stream().<RequestMatcher>map(p -> method == null ? builder.matcher(p) : builder.matcher(method, p)).toList();
        return matchers.size() == 1 ? matchers.get(0) : new OrRequestMatcher(matchers);
    }
}
