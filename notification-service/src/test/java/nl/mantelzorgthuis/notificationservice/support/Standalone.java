package nl.mantelzorgthuis.notificationservice.support;

import java.util.Map;

import nl.mantelzorgthuis.notificationservice.NotificationServiceApplication;
import nl.mantelzorgthuis.testsupport.Api;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The service started and stopped by a test itself (restarts, benchmarks), outside the test context cache. */
public final class Standalone {

    private Standalone() {
    }

    /** Settings are passed as command-line arguments: they outrank application.yml, as environment variables do in production. */
    public static ConfigurableApplicationContext start(Map<String, String> settings) {
        return new SpringApplicationBuilder(NotificationServiceApplication.class)
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    public static Api api(ConfigurableApplicationContext context) {
        return new Api("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
