package nl.mantelzorgthuis.practiceservice.practice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PracticeTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    static PracticeDetails accelerator(int organisations) {
        List<ParticipatingOrganisation> orgs = java.util.stream.IntStream.range(0, organisations)
                .mapToObj(i -> new ParticipatingOrganisation("Organisatie " + i, OrganisationType.WELFARE)).toList();
        return new PracticeDetails("Maasgouw", PracticeKind.PRACTICE_ACCELERATOR, "Maasgouw",
                List.of(new Municipality("GM1641", "Maasgouw")), orgs, "Mantelzorgers in beeld", List.of(),
                Set.of(CentralQuestion.KEEP_UP_CARING), LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31),
                PracticeStatus.ACTIVE, List.of(), List.of());
    }

    @Test
    void new_practice_starts_at_version_one() {
        Practice practice = Practice.create("p1", accelerator(3), T0);
        assertThat(practice.version()).isEqualTo(1);
        assertThat(practice.createdAt()).isEqualTo(T0);
    }

    @Test
    void rejects_practice_accelerator_with_fewer_than_three_organisations() {
        assertThatThrownBy(() -> Practice.create("p1", accelerator(2), T0))
                .isInstanceOfSatisfying(PracticeRuleViolation.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("organisations"));
    }

    @Test
    void learning_practice_needs_no_minimum_of_organisations() {
        PracticeDetails d = accelerator(0);
        PracticeDetails learning = new PracticeDetails(d.name(), PracticeKind.LEARNING_PRACTICE, d.region(),
                d.municipalities(), d.organisations(), d.positiveCoreTheme(), d.designQuestions(), d.centralQuestions(),
                d.startDate(), d.endDate(), d.status(), d.contacts(), d.lessonsLearned());
        assertThat(Practice.create("p1", learning, T0).organisations()).isEmpty();
    }

    @Test
    void rejects_end_date_before_start_date_and_duplicate_organisations() {
        PracticeDetails d = accelerator(3);
        PracticeDetails bad = new PracticeDetails(d.name(), d.kind(), d.region(), d.municipalities(),
                List.of(d.organisations().get(0), d.organisations().get(0), d.organisations().get(1)),
                d.positiveCoreTheme(), d.designQuestions(), d.centralQuestions(), d.startDate(),
                d.startDate().minusDays(1), d.status(), d.contacts(), d.lessonsLearned());
        assertThat(PracticeRules.check(bad)).extracting(Violation::field).containsExactlyInAnyOrder("endDate", "organisations");
    }

    @Test
    void update_raises_version_and_keeps_creation_time() {
        Practice updated = Practice.create("p1", accelerator(3), T0).update(accelerator(4), T1);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.createdAt()).isEqualTo(T0);
        assertThat(updated.updatedAt()).isEqualTo(T1);
    }

    @Test
    void archived_practice_cannot_be_updated_and_archiving_twice_changes_nothing() {
        Practice archived = Practice.create("p1", accelerator(3), T0).archive(T1);
        assertThat(archived.status()).isEqualTo(PracticeStatus.ARCHIVED);
        assertThat(archived.archive(T1.plusSeconds(5))).isSameAs(archived);
        assertThatThrownBy(() -> archived.update(accelerator(3), T1)).isInstanceOf(PracticeArchived.class);
    }

    @Test
    void status_archived_cannot_be_set_by_update() {
        PracticeDetails d = accelerator(3);
        PracticeDetails archivedByUpdate = new PracticeDetails(d.name(), d.kind(), d.region(), d.municipalities(),
                d.organisations(), d.positiveCoreTheme(), d.designQuestions(), d.centralQuestions(), d.startDate(),
                d.endDate(), PracticeStatus.ARCHIVED, d.contacts(), d.lessonsLearned());
        assertThat(PracticeRules.check(archivedByUpdate)).extracting(Violation::field).containsExactly("status");
    }
}
