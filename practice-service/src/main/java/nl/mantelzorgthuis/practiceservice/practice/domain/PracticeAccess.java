package nl.mantelzorgthuis.practiceservice.practice.domain;

import java.util.Locale;

/**
 * Who may change a practice. Coordinators may change every practice. Organisation staff and
 * organisation systems may change practices their organisation takes part in; municipal systems
 * practices that include their municipality. A change must keep the caller's own tenant in the
 * practice, so nobody can hand a practice over to others. Reading is public.
 */
public final class PracticeAccess {

    private PracticeAccess() {
    }

    public static void requireMayCreate(Caller caller, PracticeDetails details) {
        if (caller.is(Caller.COORDINATOR)) {
            return;
        }
        requireTenantIn(caller, details, "create a practice");
    }

    public static void requireMayChange(Caller caller, Practice current, PracticeDetails next) {
        if (caller.is(Caller.COORDINATOR)) {
            return;
        }
        requireTenantIn(caller, current.details(), "change practice " + current.name());
        if (next != null) {
            requireTenantIn(caller, next, "change practice " + current.name() + " this way");
        }
    }

    private static void requireTenantIn(Caller caller, PracticeDetails details, String what) {
        boolean organisationMember = (caller.is(Caller.ORGANISATION_STAFF) || caller.is(Caller.ORGANISATION_SYSTEM))
                && caller.organisation() != null
                && details.organisations().stream().anyMatch(o -> same(o.name(), caller.organisation()));
        boolean municipalityMember = caller.is(Caller.MUNICIPAL_SYSTEM) && caller.municipality() != null
                && details.municipalities().stream().anyMatch(m -> m.cbsCode().equals(caller.municipality()));
        if (!organisationMember && !municipalityMember) {
            throw new PracticeAccessDenied(caller.tenant() == null
                    ? "Only coordinators and the practice's own organisations and municipalities may " + what
                    : caller.tenant() + " does not take part in it, so it may not " + what);
        }
    }

    private static boolean same(String a, String b) {
        return a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
    }

}
