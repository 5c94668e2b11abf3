package nl.mantelzorgthuis.starter.web;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Request ids and API-Version on every response, and the clock the use cases read time from. */
@AutoConfiguration
@EnableConfigurationProperties({ApiProperties.class, LimitsProperties.class})
public class WebAutoConfiguration {

    /**
     * Encoded slashes and backslashes and a raw backslash reach the application, whose firewall
     * refuses them with a problem+json 400, instead of Tomcat refusing them with its HTML error page.
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnClass(name = "org.apache.catalina.connector.Connector")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    org.springframework.boot.tomcat.TomcatConnectorCustomizer refusalsInTheApplication() {
        return connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
            connector.setAllowBackslash(true);
        };
    }

    /** Tomcat's own refusals as problem+json (its error report valve). */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnClass(name = "org.apache.catalina.connector.Connector")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    org.springframework.boot.tomcat.TomcatContextCustomizer problemErrorPages() {
        return context -> {
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnProperty(prefix = "platform.limits", name = "enabled", matchIfMissing = true)
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(LimitsProperties limits) {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
                new BodyLimitFilter(limits.maxBodySize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnProperty(prefix = "platform.request-id", name = "enabled", matchIfMissing = true)
    @ConditionalOnMissingBean(RequestIdFilter.class)
    FilterRegistrationBean<RequestIdFilter> requestIdFilter(ApiProperties api) {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter(api));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
