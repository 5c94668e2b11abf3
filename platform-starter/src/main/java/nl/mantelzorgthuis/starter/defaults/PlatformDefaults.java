package nl.mantelzorgthuis.starter.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings every platform service shares ({@code META-INF/platform-defaults.yml}), added with
 * the lowest precedence: a service's {@code application.yml}, system properties and environment
 * variables all override them. {@code platform.defaults.enabled=false} leaves them out.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String NAME = "platformDefaults";
    static final String RESOURCE = "META-INF/platform-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("platform.defaults.enabled", Boolean.class, true)
                || environment.getPropertySources().contains(NAME)) {
            return;
        }
        try {
            new YamlPropertySourceLoader().load(NAME, new ClassPathResource(RESOURCE))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
