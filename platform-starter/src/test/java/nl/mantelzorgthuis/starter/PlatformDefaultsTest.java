package nl.mantelzorgthuis.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import nl.mantelzorgthuis.starter.defaults.PlatformDefaults;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class PlatformDefaultsTest {

    @Test
    void shared_settings_apply_with_the_lowest_precedence() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service",
                Map.of("spring.application.name", "practice-service", "management.tracing.sampling.probability", "1.0")));
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
        assertThat(environment.getProperty("platform.consumer.dead-letter-suffix")).isEqualTo(".practice-service.dlt");
    }

    @Test
    void can_be_left_out() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service", Map.of("platform.defaults.enabled", "false")));
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("server.shutdown")).isNull();
    }
}
