package nl.mantelzorgthuis.experimentservice.experiment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ExperimentTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final PracticeRef NOORDOOSTPOLDER = new PracticeRef("nop", "Praktijkversneller Noordoostpolder", false,
            List.of("Carrefour", "Interaktcontour", "Zorggroep onl"), List.of("GM0171"));
    static final PracticeRef DEN_BOSCH = new PracticeRef("dbs", "Lerende praktijk 's-Hertogenbosch", false, List.of(), List.of("GM0796"));

    static ExperimentDetails routing(List<String> owners) {
        return new ExperimentDetails("Routing respijtzorg", "Inzicht in hoe een aanvraag voor respijtzorg loopt",
                "Hoe kunnen we samen een route maken naar vertrouwde respijtzorg?", CollaborationLevel.BETWEEN_PROFESSIONALS,
                Set.of(OutcomeCategory.COLLABORATION_AMONG_PROFESSIONALS), InquiryPhase.DESIGN, owners, null, null,
                List.of(new Lesson(LessonKind.TIP, "Begin bij het mantelzorgsteunpunt")));
    }

    static Experiment experiment() {
        return Experiment.create("e1", NOORDOOSTPOLDER, routing(List.of("Carrefour")), null, NOW);
    }

    @Test
    void follows_the_lifecycle_and_names_the_allowed_transitions_otherwise() {
        Experiment running = experiment().transition(ExperimentStatus.PREPARING, null, NOORDOOSTPOLDER, NOW)
                .transition(ExperimentStatus.RUNNING, null, NOORDOOSTPOLDER, NOW);
        assertThat(running.status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(running.version()).isEqualTo(3);
        assertThatThrownBy(() -> running.transition(ExperimentStatus.COMPLETED, null, NOORDOOSTPOLDER, NOW))
                .isInstanceOfSatisfying(ExperimentConflict.class, e -> assertThat(e.allowed())
                        .containsExactlyInAnyOrder(ExperimentStatus.EVALUATED, ExperimentStatus.STOPPED));
    }

    @Test
    void stopping_needs_a_reason_and_is_final() {
        assertThatThrownBy(() -> experiment().transition(ExperimentStatus.STOPPED, " ", NOORDOOSTPOLDER, NOW))
                .isInstanceOf(ExperimentRuleViolation.class);
        Experiment stopped = experiment().transition(ExperimentStatus.STOPPED, "Geen capaciteit", NOORDOOSTPOLDER, NOW);
        assertThat(stopped.stopReason()).isEqualTo("Geen capaciteit");
        assertThatThrownBy(() -> stopped.startCycle("plan", null, null, NOORDOOSTPOLDER, NOW)).isInstanceOf(ExperimentConflict.class);
    }

    @Test
    void rejects_owners_that_do_not_take_part_in_the_practice() {
        assertThatThrownBy(() -> Experiment.create("e2", NOORDOOSTPOLDER, routing(List.of("Carrefour", "Proteion")), null, NOW))
                .isInstanceOfSatisfying(ExperimentRuleViolation.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("organisations[1]"));
    }

    @Test
    void rejects_experiment_for_archived_practice() {
        PracticeRef archived = new PracticeRef("nop", "Praktijkversneller Noordoostpolder", true, List.of("Carrefour"), List.of());
        assertThatThrownBy(() -> Experiment.create("e3", archived, routing(List.of("Carrefour")), null, NOW))
                .isInstanceOf(ExperimentConflict.class).hasMessageContaining("archived");
    }

    @Test
    void archiving_the_practice_stops_unfinished_experiments_only() {
        assertThat(experiment().stopBecausePracticeArchived(NOW)).hasValueSatisfying(e -> {
            assertThat(e.status()).isEqualTo(ExperimentStatus.STOPPED);
            assertThat(e.stopReason()).isEqualTo(Experiment.PRACTICE_ARCHIVED_REASON);
        });
        Experiment stopped = experiment().transition(ExperimentStatus.STOPPED, "klaar", NOORDOOSTPOLDER, NOW);
        assertThat(stopped.stopBecausePracticeArchived(NOW)).isEmpty();
    }

    @Test
    void a_new_cycle_waits_for_the_decision_of_the_previous_one() {
        Experiment one = experiment().startCycle("Route op papier", "Professionals vinden de route", LocalDate.of(2023, 3, 1),
                NOORDOOSTPOLDER, NOW);
        assertThatThrownBy(() -> one.startCycle("Nog een", null, null, NOORDOOSTPOLDER, NOW)).isInstanceOf(ExperimentConflict.class);
        ImprovementCycle decided = new ImprovementCycle(1, "Route op papier", "Professionals vinden de route",
                LocalDate.of(2023, 3, 1), "Half vond hem", "De huisarts mist in de route", CycleDecision.ADAPT, LocalDate.of(2023, 4, 1));
        Experiment two = one.recordCycle(decided, NOORDOOSTPOLDER, NOW).startCycle("Met huisarts", null, null, NOORDOOSTPOLDER, NOW);
        assertThat(two.cycles()).extracting(ImprovementCycle::number).containsExactly(1, 2);
    }

    @Test
    void an_adopted_copy_keeps_the_idea_and_links_to_its_origin() {
        Experiment origin = Experiment.create("o1", DEN_BOSCH, routing(List.of()), null, NOW)
                .addMeasure(new Measure("m1", "Doorlooptijd aanvraag", "dagen", BetterWhen.LOWER, 14.0, 3, List.of(),
                        List.of(new Observation(LocalDate.of(2023, 1, 1), 30, null))), DEN_BOSCH, NOW);
        Experiment copy = origin.adoptInto("c1", NOORDOOSTPOLDER, List.of("Carrefour"), NOW);
        assertThat(copy.practiceId()).isEqualTo("nop");
        assertThat(copy.status()).isEqualTo(ExperimentStatus.IDEA);
        assertThat(copy.version()).isEqualTo(1);
        assertThat(copy.adoptedFrom()).isEqualTo(new AdoptedFrom("o1", "dbs", "Lerende praktijk 's-Hertogenbosch", "Routing respijtzorg"));
        assertThat(copy.lessons()).isEqualTo(origin.lessons());
        assertThat(copy.measures()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("Doorlooptijd aanvraag");
            assertThat(m.observations()).isEmpty();
        });
        assertThatThrownBy(() -> origin.adoptInto("c2", DEN_BOSCH, List.of(), NOW)).isInstanceOf(ExperimentRuleViolation.class);
    }

    @Test
    void staff_change_only_experiments_their_organisation_owns() {
        Caller carrefour = new Caller("u1", "Staf", Set.of(Caller.ORGANISATION_STAFF), "Carrefour", null);
        Caller kwintes = new Caller("u2", "Staf", Set.of(Caller.ORGANISATION_STAFF), "Interaktcontour", null);
        Caller municipality = new Caller("c1", "Noordoostpolder", Set.of(Caller.MUNICIPAL_SYSTEM), null, "GM0171");
        Caller otherMunicipality = new Caller("c2", "Zwolle", Set.of(Caller.MUNICIPAL_SYSTEM), null, "GM0193");
        ExperimentAccess.requireMayChange(carrefour, experiment(), NOORDOOSTPOLDER, null);
        ExperimentAccess.requireMayChange(municipality, experiment(), NOORDOOSTPOLDER, null);
        assertThatThrownBy(() -> ExperimentAccess.requireMayChange(kwintes, experiment(), NOORDOOSTPOLDER, null))
                .isInstanceOf(ExperimentAccessDenied.class);
        assertThatThrownBy(() -> ExperimentAccess.requireMayChange(otherMunicipality, experiment(), NOORDOOSTPOLDER, null))
                .isInstanceOf(ExperimentAccessDenied.class);
        assertThatThrownBy(() -> ExperimentAccess.requireMayChange(carrefour, experiment(), NOORDOOSTPOLDER,
                routing(List.of("Interaktcontour")))).isInstanceOf(ExperimentAccessDenied.class);
        assertThatThrownBy(() -> ExperimentAccess.requireMayCreate(kwintes, NOORDOOSTPOLDER, routing(List.of("Carrefour"))))
                .isInstanceOf(ExperimentAccessDenied.class);
    }

    @Test
    void observations_are_kept_in_date_order_one_per_date() {
        Measure measure = new Measure("m", "n", "u", BetterWhen.HIGHER, null, null, List.of(), List.of())
                .record(List.of(new Observation(LocalDate.of(2024, 3, 1), 3, null), new Observation(LocalDate.of(2024, 1, 1), 1, null)))
                .record(List.of(new Observation(LocalDate.of(2024, 3, 1), 4, "gecorrigeerd")));
        assertThat(measure.observations()).extracting(Observation::value).containsExactly(1.0, 4.0);
    }
}
