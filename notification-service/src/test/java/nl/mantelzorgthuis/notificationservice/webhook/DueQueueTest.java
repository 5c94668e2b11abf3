package nl.mantelzorgthuis.notificationservice.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class DueQueueTest {

    private final Clock clock = Clock.systemUTC();
    private final DueQueue queue = new DueQueue(clock);

    @Test
    void hands_out_what_is_due_earliest_first_and_nothing_early() throws InterruptedException {
        Instant now = clock.instant();
        queue.add("later", "e", now.plusSeconds(3600), true);
        queue.add("second", "e", now.minusSeconds(1), false);
        queue.add("first", "e", now.minusSeconds(2), true);
        queue.add("elsewhere", "f", now.plusSeconds(3600), false);
        assertThat(queue.waiting("e")).isEqualTo(3);

        assertThat(queue.next(Duration.ZERO).id()).isEqualTo("first");
        assertThat(queue.next(Duration.ZERO).id()).isEqualTo("second");
        assertThat(queue.next(Duration.ofMillis(50))).isNull();
        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.waiting("e")).as("what is left for the endpoint").isEqualTo(1);
        assertThat(queue.retries()).isEqualTo(1);
    }

    @Test
    void waits_for_an_entry_that_becomes_due() throws InterruptedException {
        queue.add("soon", "e", clock.instant().plusMillis(300).truncatedTo(java.time.temporal.ChronoUnit.MILLIS), false);

        assertThat(queue.next(Duration.ZERO)).isNull();
        DueQueue.Due due = queue.next(Duration.ofSeconds(10));

        assertThat(due.id()).isEqualTo("soon");
        assertThat(clock.instant()).isAfterOrEqualTo(due.at());
    }

    @Test
    void a_delivery_queued_twice_for_the_same_moment_is_handed_out_once() throws InterruptedException {
        Instant at = clock.instant().minusMillis(1);
        queue.add("d", "e", at, true);
        queue.add("d", "e", at, true);

        assertThat(queue.next(Duration.ZERO)).isNotNull();
        assertThat(queue.next(Duration.ZERO)).isNull();
        assertThat(queue.retries()).isZero();
    }
}
