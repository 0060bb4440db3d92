package org.yardstick.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.support.RequestContextUtils;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        return new LanguageResolver();
    }

    /**
     * Spring Boot registers a filter that passes every link of a page through the static-resource
     * resolvers (for content-hashed URLs, which we do not use); for a link that is not a resource —
     * nearly all of them — that is a fruitless class-path lookup. On a page with hundreds of links
     * it took more than half the rendering time, so the filter is not registered. Web jars are still
     * resolved when they are requested.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    /** Remembers a language chosen with {@code ?lang=} in a cookie. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Locale chosen = LanguageResolver.parse(LanguageResolver.parameter(request));
                if (chosen != null) {
                    LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
                    if (resolver != null) {
                        resolver.setLocale(request, response, chosen);
                    }
                }
                return true;
            }
        });
    }
}
