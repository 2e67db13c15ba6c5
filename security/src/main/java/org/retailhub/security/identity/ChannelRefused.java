package org.retailhub.security.identity;

import java.util.List;
import org.retailhub.domain.shared.Channel;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;

/** An account acted for a channel that is not its own: 403, with the channel named, and nothing stored. */
public class ChannelRefused extends AccessDeniedException {

    private final String account;
    private final Channel channel;

    ChannelRefused(String account, Channel channel, List<Channel> allowed) {
        super("account " + account + " may not act for channel " + channel + " (its channels: "
                + (allowed.isEmpty() ? "none" : allowed.stream().map(Enum::name).sorted().toList()) + ")");
        this.account = account;
        this.channel = channel;
    }

    public String account() {
        return account;
    }

    public Channel channel() {
        return channel;
    }

    /** The refusal as an authorisation decision of a declared rule, so the access-denied handler can name the channel. */
    static final class Decision extends AuthorizationDecision {

        private final ChannelRefused refused;

        Decision(ChannelRefused refused) {
            super(false);
            this.refused = refused;
        }

        ChannelRefused refused() {
            return refused;
        }
    }
}
