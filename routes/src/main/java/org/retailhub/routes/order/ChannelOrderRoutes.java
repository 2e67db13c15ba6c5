package org.retailhub.routes.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.function.Function;
import org.apache.camel.builder.RouteBuilder;
import org.retailhub.domain.order.OrderRequest;
import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.shared.RefusedInputException;
import org.retailhub.legacy.pos.PosSaleFormat;
import org.springframework.stereotype.Component;

/**
 * Channel intake from Kafka: one route per channel topic reads that channel's format into a valid canonical order,
 * then submits it. What fails is what decides ({@link ChannelDeadLetters}): anything thrown while the message is
 * parsed, mapped or validated makes it a dead letter; a failure of acceptance's dependencies is retried.
 */
@Component
public class ChannelOrderRoutes extends RouteBuilder {

    private final IntakeProperties properties;
    private final ChannelEndpoints endpoints;
    private final OrderIntake intake;
    private final WebOrderFormat webFormat;

    public ChannelOrderRoutes(IntakeProperties properties, ChannelEndpoints endpoints, OrderIntake intake, ObjectMapper json) {
        this.properties = properties;
        this.endpoints = endpoints;
        this.intake = intake;
        this.webFormat = new WebOrderFormat(json);
    }

    @Override
    public void configure() {
        properties.channelTopics().forEach((channel, topic) ->
                from(endpoints.channel(getContext(), topic))
                        .routeId(routeId(channel))
                        .routeConfigurationId(ChannelDeadLetters.ID)
                        .process(exchange -> exchange.getMessage().setBody(read(channel, exchange.getMessage().getBody(byte[].class))))
                        .process(exchange -> intake.accept(exchange.getMessage().getBody(OrderRequest.class))));
    }

    /** The intake route of a channel's topic. */
    static String routeId(Channel channel) {
        return "intake-" + channel.name().toLowerCase(Locale.ROOT);
    }

    /** The message as a valid canonical order; whatever reading it throws is a refusal of this message. */
    OrderRequest read(Channel channel, byte[] message) {
        return RefusedInputException.whileReading(channel + " order message", () -> intake.validated(format(channel).apply(message)));
    }

    private Function<byte[], OrderRequest> format(Channel channel) {
        return channel == Channel.POS ? PosSaleFormat::parse : body -> webFormat.parse(body, channel);
    }
}
