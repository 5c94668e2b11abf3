package nl.mantelzorgthuis.practiceservice.practice.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PracticeAccessTest {

    static final Practice MAASGOUW = Practice.create("p1", PracticeTest.accelerator(3), Instant.EPOCH);

    static Caller staff(String organisation) {
        return new Caller("s", "s", Set.of(Caller.ORGANISATION_STAFF), organisation, null);
    }

    @Test
    void coordinator_may_change_any_practice() {
        Caller coordinator = new Caller("c", "c", Set.of(Caller.COORDINATOR), null, null);
        assertThatCode(() -> PracticeAccess.requireMayChange(coordinator, MAASGOUW, PracticeTest.accelerator(4))).doesNotThrowAnyException();
    }

    @Test
    void organisation_staff_may_change_their_own_practice_matching_names_case_insensitively() {
        assertThatCode(() -> PracticeAccess.requireMayChange(staff("organisatie 1"), MAASGOUW, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> PracticeAccess.requireMayChange(staff("Proteion"), MAASGOUW, null))
                .isInstanceOf(PracticeAccessDenied.class).hasMessageContaining("Proteion");
    }

    @Test
    void municipal_system_is_bound_to_its_municipality_and_a_role_alone_is_not_enough() {
        Caller maasgouw = new Caller("m", "m", Set.of(Caller.MUNICIPAL_SYSTEM), null, "GM1641");
        Caller zwolle = new Caller("z", "z", Set.of(Caller.MUNICIPAL_SYSTEM), null, "GM0193");
        Caller staffClaimingMunicipality = new Caller("x", "x", Set.of(Caller.ORGANISATION_STAFF), null, "GM1641");
        assertThatCode(() -> PracticeAccess.requireMayCreate(maasgouw, PracticeTest.accelerator(3))).doesNotThrowAnyException();
        assertThatThrownBy(() -> PracticeAccess.requireMayCreate(zwolle, PracticeTest.accelerator(3))).isInstanceOf(PracticeAccessDenied.class);
        assertThatThrownBy(() -> PracticeAccess.requireMayCreate(staffClaimingMunicipality, PracticeTest.accelerator(3)))
                .isInstanceOf(PracticeAccessDenied.class);
    }
}
