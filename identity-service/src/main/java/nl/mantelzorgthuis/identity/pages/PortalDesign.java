package nl.mantelzorgthuis.identity.pages;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The portal's stylesheet and icon (from the portal module's jar), for the login pages. */
@Configuration
class PortalDesign implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl hour = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
        registry.addResourceHandler("/ontwerp/**").addResourceLocations("classpath:/META-INF/portal/ontwerp/").setCacheControl(hour);
        registry.addResourceHandler("/favicon.svg").addResourceLocations("classpath:/META-INF/portal/").setCacheControl(hour);
    }
}
