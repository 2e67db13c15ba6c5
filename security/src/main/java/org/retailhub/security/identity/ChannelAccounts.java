package org.retailhub.security.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.retailhub.domain.shared.Channel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * {@code hub.security.channel-accounts}: the channels each account may submit orders (and, for {@code POS}, till payments)
 * for. A connector's account is its Keycloak client id ({@code web-shop}); a person's or a DEV-ONLY user's, the user name.
 * Admins may act for every channel; an account not listed, for none.
 *
 * @param channelAccounts account → its channels
 */
@ConfigurationProperties("hub.security")
public record ChannelAccounts(@DefaultValue Map<String, Set<Channel>> channelAccounts) {

    /** Keycloak's claim that names the client of a service account's token. */
    static final String CLIENT_ID_CLAIM = "client_id";
    private static final String SERVICE_ACCOUNT = "service-account-";

    /** The channels {@code caller} may act for; none without a caller. */
    public Set<Channel> of(Authentication caller) {
        if (caller == null) {
            return EnumSet.noneOf(Channel.class);
        }
        if (caller.getAuthorities().stream().anyMatch(a -> HubRole.ADMIN.authority().equals(a.getAuthority()))) {
            return EnumSet.allOf(Channel.class);
        }
        Set<Channel> channels = channelAccounts.get(accountOf(caller));
        return channels == null || channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels);
    }

    /** Refuses {@code caller} acting for {@code channel} unless it is one of its channels. */
    public void check(Authentication caller, Channel channel) {
        Optional<ChannelRefused> refused = refusal(caller, channel);
        if (refused.isPresent()) {
            throw refused.get();
        }
    }

    /** The refusal of {@code caller} acting for {@code channel}, if it is not one of its channels. */
    Optional<ChannelRefused> refusal(Authentication caller, Channel channel) {
        Set<Channel> allowed = of(caller);
        return allowed.contains(channel) ? Optional.empty()
                : Optional.of(new ChannelRefused(caller == null ? "anonymous" : accountOf(caller), channel, List.copyOf(allowed)));
    }

    /** A connector's client id (Keycloak names its service account {@code service-account-<client>}), else the user name. */
    static String accountOf(Authentication caller) {
        if (caller instanceof JwtAuthenticationToken jwt) {
            String client = jwt.getToken().getClaimAsString(CLIENT_ID_CLAIM);
            if (client == null && caller.getName().startsWith(SERVICE_ACCOUNT)) {
                client = jwt.getToken().getClaimAsString("azp");
            }
            if (client != null) {
                return client;
            }
        }
        return caller.getName();
    }
}
