package nl.mantelzorgthuis.notificationservice.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class InboxHeadsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(500), ZoneOffset.UTC);
    private static final long EXPIRES = Instant.parse("2027-01-01T00:00:00Z").toEpochMilli();

    private static void add(InboxHeads heads, String id, long seq, long time, String... keys) {
        heads.add(id, seq, time, "type", List.of(keys), EXPIRES);
    }

    @Test
    void pages_the_matches_newest_first_by_their_time_not_their_arrival() {
        InboxHeads heads = new InboxHeads(10, CLOCK);
        add(heads, "a", 1, 300, "practice:p");
        add(heads, "b", 2, 100, "practice:p");
        add(heads, "c", 3, 200, "practice:q");
        add(heads, "d", 4, 250, "practice:p");

        assertThat(heads.newest(h -> h.filedUnder("practice:p"), 0, 2)).containsExactly("a", "d");
        assertThat(heads.newest(h -> h.filedUnder("practice:p"), 2, 2)).containsExactly("b");
        assertThat(heads.newest(h -> h.filedUnder("practice:p"), 5, 2)).isEmpty();
        assertThat(heads.count(h -> h.filedUnder("practice:p"), null)).isEqualTo(3);
    }

    @Test
    void does_not_answer_when_a_notification_left_out_of_memory_could_belong_in_the_answer() {
        InboxHeads heads = new InboxHeads(2, CLOCK);
        add(heads, "old", 1, 100, "k");
        add(heads, "newer", 2, 200, "k");
        add(heads, "newest", 3, 300, "k");

        assertThat(heads.size()).isEqualTo(2);
        assertThat(heads.newest(h -> true, 0, 2)).containsExactly("newest", "newer");
        assertThat(heads.newest(h -> true, 0, 3)).as("the third is only in the store").isNull();
        assertThat(heads.count(h -> true, null)).isEqualTo(-1);
        assertThat(heads.count(h -> h.time() > 150, Instant.ofEpochMilli(150))).as("all left out are older than asked").isEqualTo(2);
        assertThat(heads.count(h -> h.time() > 50, Instant.ofEpochMilli(50))).isEqualTo(-1);
    }

    @Test
    void forgets_what_passed_its_retention_without_losing_exactness() {
        InboxHeads heads = new InboxHeads(10, CLOCK);
        heads.add("gone", 1, 100, "type", List.of("k"), 1_000);
        heads.add("kept", 2, 200, "type", List.of("k"), EXPIRES);
        heads.add("late", 3, 150, "type", List.of("k"), 400);

        heads.expire(Instant.ofEpochMilli(2_000));

        assertThat(heads.newest(h -> true, 0, 10)).as("expired behind a kept one: skipped").containsExactly("kept");
        assertThat(heads.count(h -> true, null)).isEqualTo(1);
    }

    @Test
    void reads_newest_first_and_stops_where_nothing_older_can_belong_but_finds_a_late_arrival_with_an_early_number() {
        InboxHeads heads = new InboxHeads(1000, CLOCK);
        for (int i = 0; i < 500; i++) {
            add(heads, "n" + i, i, 1000 + i, "k");
        }
        // Arrived last, yet happened first: it sorts last, and a count after 1100 leaves it out.
        add(heads, "late", 500, 10, "k");

        assertThat(heads.newest(h -> true, 0, 3)).containsExactly("n499", "n498", "n497");
        assertThat(heads.newest(h -> true, 500, 3)).containsExactly("late");
        assertThat(heads.count(h -> h.time() > 1100, Instant.ofEpochMilli(1100))).isEqualTo(399);
        assertThat(heads.count(h -> true, null)).isEqualTo(501);
    }

    @Test
    void matches_a_key_by_its_shared_instance_and_by_value() {
        InboxHeads heads = new InboxHeads(10, CLOCK);
        add(heads, "a", 1, 100, "practice:p");

        String shared = heads.canonical(new String("practice:p"));
        assertThat(heads.newest(h -> h.filedUnder(shared), 0, 1)).containsExactly("a");
        assertThat(heads.newest(h -> h.filedUnder(new String("practice:p")), 0, 1)).containsExactly("a");
        assertThat(heads.canonical("practice:unknown")).isEqualTo("practice:unknown");
    }

    @Test
    void shares_no_more_key_strings_than_its_bound_and_still_matches_the_keys_past_it() {
        InboxHeads heads = new InboxHeads(1000, 3, CLOCK);
        for (int i = 0; i < 100; i++) {
            heads.add("n" + i, i, 100 + i, "type", List.of("municipality:GM0363", "item:service:" + i), EXPIRES);
        }

        assertThat(heads.sharedNames()).as("the type, the municipality and the first item").isEqualTo(3);
        assertThat(heads.canonical(new String("municipality:GM0363"))).isSameAs(heads.canonical("municipality:GM0363"));
        assertThat(heads.newest(h -> h.filedUnder(new String("item:service:42")), 0, 5)).containsExactly("n42");
        assertThat(heads.count(h -> h.filedUnder(heads.canonical("municipality:GM0363")), null)).isEqualTo(100);
    }
}
