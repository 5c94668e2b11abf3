package nl.mantelzorgthuis.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventLoopsTest {

    private final String before = System.getProperty(GatewayApplication.IO_WORKER_COUNT);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(GatewayApplication.IO_WORKER_COUNT);
        } else {
            System.setProperty(GatewayApplication.IO_WORKER_COUNT, before);
        }
    }

    @Test
    void one_event_loop_per_core_when_not_set() {
        System.clearProperty(GatewayApplication.IO_WORKER_COUNT);
        GatewayApplication.eventLoopsPerCore();
        assertThat(System.getProperty(GatewayApplication.IO_WORKER_COUNT))
                .isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void keeps_a_count_that_was_set() {
        System.setProperty(GatewayApplication.IO_WORKER_COUNT, "7");
        GatewayApplication.eventLoopsPerCore();
        assertThat(System.getProperty(GatewayApplication.IO_WORKER_COUNT)).isEqualTo("7");
    }
}
