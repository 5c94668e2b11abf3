package nl.mantelzorgthuis.starter.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * problem+json for every error. Runs before Spring MVC's auto-configuration so Boot's own
 * problem-details handler backs off; a service's own {@link ProblemHandling} subclass replaces this one.
 */
@AutoConfiguration(beforeName = {"org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "platform.problems", name = "enabled", matchIfMissing = true)
public class ProblemAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    DefaultProblemHandling problemHandling() {
        return new DefaultProblemHandling();
    }

    @Bean
    @ConditionalOnMissingBean(org.springframework.boot.webmvc.error.ErrorController.class)
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }
}
