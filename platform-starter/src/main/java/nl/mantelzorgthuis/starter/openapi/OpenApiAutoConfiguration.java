package nl.mantelzorgthuis.starter.openapi;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import nl.mantelzorgthuis.starter.security.ApiAccess;
import nl.mantelzorgthuis.starter.web.ApiProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The service's OpenAPI document: info and server from {@code platform.api.*}, and the design rules. */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "platform.openapi", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(ApiProperties.class)
public class OpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI platformApi(ApiProperties api) {
        return new OpenAPI()
                .info(new Info().title(api.title()).version(api.version()).description(api.description())
                        .contact(new Contact().name("In voor mantelzorg-thuis platform team")
                                .email("platform@invoormantelzorg.nl").url("https://www.invoormantelzorg.nl"))
                        .license(new License().name("EUPL-1.2").url("https://eupl.eu/1.2/nl/")))
                .addServersItem(new Server().url(api.prefix()).description("This service, or the gateway in front of it"))
                .components(new Components().addSecuritySchemes("platformToken", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An access token of the platform's OpenID provider (client credentials for "
                                + "municipal and organisation systems; the portal session for people).")));
    }

    @Bean
    @ConditionalOnMissingBean(name = "designRules")
    OpenApiCustomizer designRules(ApiProperties api, ObjectProvider<ApiAccess> access, ApplicationContext context) {
        return openApi -> {
            List<Class<?>> advice = ControllerAdviceBean.findAnnotatedBeans(context).stream()
                    .<Class<?>>map(ControllerAdviceBean::getBeanType).toList();
            RequestMappingHandlerMapping mappings = context.getBean("requestMappingHandlerMapping",
                    RequestMappingHandlerMapping.class);
            new DesignRules(api, access.getIfAvailable(() -> ApiAccess.builder().build()), mappings,
                    new ErrorStatuses(advice)).customise(openApi);
        };
    }
}
