package nl.mantelzorgthuis.notificationservice.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The deliveries this replica holds the lease of and will attempt later (a retry, a postponed call),
 * by due time. It lives in memory so that finding what is due costs nothing on any store: the
 * embedded store answers every query but one by {@code _id} with a scan under the collection's lock.
 * The store stays the record: the entry only says when to look; the delivery is read by id then and
 * attempted only if it is still pending, still ours and still due at that moment. A delivery queued
 * twice for the same moment is one entry.
 */
final class DueQueue {

    record Due(String id, String endpoint, Instant at, boolean retry) {
    }

    private static final Comparator<Due> ORDER = Comparator.comparing(Due::at).thenComparing(Due::id);

    private final Clock clock;
    private final TreeSet<Due> queue = new TreeSet<>(ORDER);
    private final Map<String, Integer> perEndpoint = new HashMap<>();
    private long retries;

    DueQueue(Clock clock) {
        this.clock = clock;
    }

    synchronized void add(String id, String endpoint, Instant at, boolean retry) {
        Due due = new Due(id, endpoint, at, retry);
        if (queue.add(due)) {
            perEndpoint.merge(endpoint, 1, Integer::sum);
            if (retry) {
                retries++;
            }
            notifyAll();
        }
    }

    /** The next entry that is due, or null when none is due within {@code wait}. */
    synchronized Due next(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Due head = queue.isEmpty() ? null : queue.first();
            long now = clock.millis();
            if (head != null && head.at().toEpochMilli() <= now) {
                queue.pollFirst();
                perEndpoint.computeIfPresent(head.endpoint(), (e, n) -> n == 1 ? null : n - 1);
                if (head.retry()) {
                    retries--;
                }
                return head;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            long untilHead = head == null ? left : TimeUnit.MILLISECONDS.toNanos(head.at().toEpochMilli() - now);
            TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, Math.min(left, untilHead)));
        }
    }

    /** Entries waiting for another attempt after a failed one. */
    synchronized long retries() {
        return retries;
    }

    /** Entries waiting for one endpoint. */
    synchronized int waiting(String endpoint) {
        return perEndpoint.getOrDefault(endpoint, 0);
    }

    synchronized int size() {
        return queue.size();
    }
}
