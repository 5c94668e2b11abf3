package nl.mantelzorgthuis.socialmap.offer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OfferTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Set<String> TERMS = Set.of("respijtzorg-logeeropvang", "mantelzorgsteunpunt");

    static OfferDetails details(String organization) {
        return new OfferDetails(organization, null, "Logeerhuis De Linde", null, "Logeren voor een weekend", null, null, null, null,
                List.of("respijtzorg-logeeropvang"), Set.of(FundingRoute.WMO), Cost.PAID, null, List.of("nl"), 65, null,
                List.of("GM0193"), List.of(new Location("De Linde", "Lindelaan 1", "8012AB", "Zwolle", "GM0193", "Overijssel", 52.5, 6.1)),
                List.of(new OpeningHours(DayOfWeek.FRIDAY, LocalTime.of(17, 0), LocalTime.of(22, 0))));
    }

    @Test
    void last_verified_is_kept_apart_from_last_modified_and_expires_after_a_year() {
        Offer entry = Offer.create("s1", details("Zorggroep"), null, "staff", false, TERMS, NOW);
        assertThat(entry.needsVerification(NOW.plus(Duration.ofDays(364)))).isFalse();
        assertThat(entry.needsVerification(NOW.plus(Duration.ofDays(366)))).isTrue();
        Offer verified = entry.verify("coordinator", NOW.plus(Duration.ofDays(366)));
        assertThat(verified.needsVerification(NOW.plus(Duration.ofDays(366)))).isFalse();
        assertThat(verified.lastVerifiedBy()).isEqualTo("coordinator");
        assertThat(verified.version()).isEqualTo(2);
    }

    @Test
    void rejects_unknown_terms_inverted_ages_and_hours_and_half_points() {
        OfferDetails d = details("Zorggroep");
        OfferDetails wrong = new OfferDetails(d.organization(), null, d.name(), null, null, null, null, null, null,
                List.of("bestaat-niet"), Set.of(FundingRoute.WMO), Cost.FREE, null, List.of(), 70, 60, List.of(),
                List.of(new Location(null, null, null, null, null, null, 52.0, null)),
                List.of(new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(17, 0), LocalTime.of(9, 0))));
        assertThatThrownBy(() -> Offer.create("s", wrong, null, "x", false, TERMS, NOW))
                .isInstanceOfSatisfying(OfferRuleViolation.class, e -> assertThat(e.violations()).extracting(Violation::field)
                        .containsExactlyInAnyOrder("maximumAge", "taxonomyTerms[0]", "schedules[0].closesAt", "locations[0]"));
    }

    @Test
    void staff_write_their_own_organisations_entries_and_municipalities_the_ones_they_maintain() {
        Offer own = Offer.create("s1", details("Zorggroep"), null, "staff", false, TERMS, NOW);
        Offer maintained = Offer.create("s2", details("Gemeente Zwolle"), "GM0193", "system", false, TERMS, NOW);
        Caller zorggroep = new Caller("u", "u", Set.of(Caller.ORGANISATION_STAFF), "zorggroep ", null);
        Caller other = new Caller("v", "v", Set.of(Caller.ORGANISATION_STAFF), "Humanitas", null);
        Caller zwolle = new Caller("c", "c", Set.of(Caller.MUNICIPAL_SYSTEM), null, "GM0193");
        OfferAccess.requireMayWrite(zorggroep, own, details("Zorggroep"));
        assertThatThrownBy(() -> OfferAccess.requireMayWrite(other, own, details("Humanitas"))).isInstanceOf(OfferAccessDenied.class);
        assertThatThrownBy(() -> OfferAccess.requireMayWrite(zorggroep, own, details("Humanitas"))).isInstanceOf(OfferAccessDenied.class);
        OfferAccess.requireMayWrite(zwolle, maintained, null);
        assertThatThrownBy(() -> OfferAccess.requireMayWrite(zwolle, own, null)).isInstanceOf(OfferAccessDenied.class);
    }

    @Test
    void opening_hours_include_the_opening_minute_and_exclude_the_closing_one() {
        OpeningHours evening = new OpeningHours(DayOfWeek.TUESDAY, LocalTime.of(19, 0), LocalTime.of(21, 0));
        assertThat(evening.isOpenAt(DayOfWeek.TUESDAY, LocalTime.of(19, 0))).isTrue();
        assertThat(evening.isOpenAt(DayOfWeek.TUESDAY, LocalTime.of(21, 0))).isFalse();
        assertThat(evening.isOpenAt(DayOfWeek.WEDNESDAY, LocalTime.of(20, 0))).isFalse();
    }
}
