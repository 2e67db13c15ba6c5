package org.retailhub.security.identity;

import java.lang.reflect.Type;
import org.retailhub.domain.order.OrderRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * An order arriving over HTTP is checked against its sender's channels ({@link ChannelAccounts}) as soon as its body is
 * read, before the controller stores anything: another channel's order is refused with 403 naming the channel. An order
 * without a channel goes on to validation, which refuses it.
 */
@ControllerAdvice
public class OrderChannelGuard extends RequestBodyAdviceAdapter {

    private final ChannelAccounts accounts;

    public OrderChannelGuard(ChannelAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return OrderRequest.class.equals(targetType);
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        if (body instanceof OrderRequest order && order.channel() != null) {
            accounts.check(SecurityContextHolder.getContext().getAuthentication(), order.channel());
        }
        return body;
    }
}
