package nl.mantelzorgthuis.socialmap.offer.domain;

/**
 * Who may change a social-map entry. Coordinators: every entry. Organisation staff and systems: the
 * entries of their own organisation. Municipal systems: the entries they maintain for their own
 * municipality (bulk upsert by external id). Reading and searching is public.
 */
public final class OfferAccess {

    private OfferAccess() {
    }

    public static void requireMayWrite(Caller caller, Offer current, OfferDetails next) {
        if (caller.is(Caller.COORDINATOR)) {
            return;
        }
        if (caller.is(Caller.MUNICIPAL_SYSTEM) && caller.municipality() != null) {
            boolean own = current == null || caller.municipality().equals(current.maintainedBy());
            if (own) {
                return;
            }
            throw new OfferAccessDenied(caller.municipality() + " may only change the entries it maintains itself");
        }
        boolean organisationCaller = (caller.is(Caller.ORGANISATION_STAFF) || caller.is(Caller.ORGANISATION_SYSTEM))
                && caller.organisation() != null;
        if (organisationCaller && (current == null || same(current.organization(), caller.organisation()))
                && (next == null || same(next.organization(), caller.organisation()))) {
            return;
        }
        throw new OfferAccessDenied(caller.tenant() == null
                ? "Only coordinators, the entry's own organisation or its municipality may change social-map entries"
                : caller.tenant() + " may only change its own organisation's entries");
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.trim().equalsIgnoreCase(b.trim());
    }
}
