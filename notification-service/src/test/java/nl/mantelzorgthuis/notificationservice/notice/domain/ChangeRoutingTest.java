package nl.mantelzorgthuis.notificationservice.notice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.mantelzorgthuis.notificationservice.webhook.domain.Kanalen;
import nl.mantelzorgthuis.notificationservice.webhook.domain.Subscription;
import org.junit.jupiter.api.Test;

class ChangeRoutingTest {

    static Change experiment(String type, String status) {
        String[] ka = Change.kindAndAction(type);
        return new Change("e1", type, ka[0], ka[1], "x1", "Spiegelgesprek", "p1", "Praktijkversneller Zwolle", status, null,
                Set.of("GM0193"), Set.of("Isala Ziekenhuis"), Set.of(), Instant.parse("2027-02-01T09:30:00Z"), 5);
    }

    @Test
    void a_change_is_filed_under_everything_that_can_be_followed() {
        Change change = experiment("nl.mantelzorgthuis.experiment.status-changed.v1", "RUNNING");
        assertThat(change.kind()).isEqualTo("experiment");
        assertThat(change.action()).isEqualTo("status-changed");
        assertThat(change.keys()).containsExactlyInAnyOrder("type:nl.mantelzorgthuis.experiment.status-changed.v1",
                "experiment:x1", "practice:p1", "municipality:GM0193", "organisation:isala ziekenhuis");
        assertThat(Change.kindAndAction("nl.mantelzorgthuis.socialmap.respite-route.changed.v1")).containsExactly("respite-route", "changed");
    }

    @Test
    void follows_match_organisations_and_terms_without_case() {
        assertThat(new Follow(FollowKind.ORGANISATION, " Isala ZIEKENHUIS", Instant.now()).key()).isEqualTo("organisation:isala ziekenhuis");
        assertThat(FollowKind.MUNICIPALITY.accepts("Zwolle")).isFalse();
        assertThat(FollowKind.MUNICIPALITY.accepts("GM0193")).isTrue();
    }

    @Test
    void messages_are_dutch_with_english_as_second_language() {
        Change change = experiment("nl.mantelzorgthuis.experiment.status-changed.v1", "EVALUATED");
        assertThat(Messages.render(change, Messages.DUTCH).title()).isEqualTo("Experiment \u201eSpiegelgesprek\u201d: ge\u00EBvalueerd");
        assertThat(Messages.render(change, Locale.ENGLISH).body())
                .isEqualTo("The experiment \u201cSpiegelgesprek\u201d in Praktijkversneller Zwolle is now evaluated.");
        Change unknown = new Change("e2", "nl.mantelzorgthuis.agenda.meeting.planned.v1", "meeting", "planned", "m1", "Intervisie",
                null, null, null, null, Set.of(), Set.of(), Set.of(), Instant.now(), 1);
        assertThat(Messages.render(unknown, Messages.DUTCH).title()).isEqualTo("Wijziging: Intervisie");
    }

    @Test
    void webhook_filters_narrow_by_type_prefix_municipality_and_practice() {
        Change change = experiment("nl.mantelzorgthuis.experiment.created.v1", "IDEA");
        assertThat(new Subscription(Set.of("nl.mantelzorgthuis.experiment.*"), null, null, null, null).matches(change)).isTrue();
        assertThat(new Subscription(Set.of("nl.mantelzorgthuis.practice.*"), null, null, null, null).matches(change)).isFalse();
        assertThat(new Subscription(null, Set.of("GM0193"), Set.of("p1"), null, null).matches(change)).isTrue();
        assertThat(new Subscription(null, Set.of("GM0171"), null, null, null).matches(change)).isFalse();
        assertThat(new Subscription(null, null, null, Set.of("isala ziekenhuis"), null).matches(change)).isTrue();
    }

    @Test
    void zgw_kanaal_filters_match_kenmerken_with_wildcards() {
        Change change = experiment("nl.mantelzorgthuis.experiment.created.v1", "IDEA");
        Kanalen.Notificatie message = Kanalen.notificatie(change, "https://platform.example");
        assertThat(message.kanaal()).isEqualTo("experimenten");
        assertThat(message.actie()).isEqualTo("create");
        assertThat(message.resourceUrl()).isEqualTo("https://platform.example/api/v1/experiments/x1");
        assertThat(message.kenmerken()).containsEntry("praktijk", "p1").containsEntry("gemeente", "GM0193");
        assertThat(Kanalen.matches(Map.of("praktijk", "*"), message.kenmerken())).isTrue();
        assertThat(Kanalen.matches(Map.of("gemeente", "GM0171"), message.kenmerken())).isFalse();
        assertThat(Kanalen.matches(Map.of("onbekend", "x"), message.kenmerken())).isFalse();
    }
}
