package nl.mantelzorgthuis.experimentservice.experiment.domain;

/**
 * Who may change an experiment. Coordinators: every experiment. Organisation staff and systems:
 * experiments their organisation owns, and new ones only with their organisation among the owners.
 * Municipal systems: experiments of practices that include their municipality. Reading is public.
 */
public final class ExperimentAccess {

    private ExperimentAccess() {
    }

    public static void requireMayCreate(Caller caller, PracticeRef practice, ExperimentDetails details) {
        if (caller.is(Caller.COORDINATOR) || municipalityOf(caller, practice)) {
            return;
        }
        if (organisationCaller(caller) && details.organisations().stream().anyMatch(o -> Names.same(o, caller.organisation()))) {
            return;
        }
        throw new ExperimentAccessDenied(caller.tenant() == null
                ? "Only coordinators and the practice's own organisations and municipalities may add experiments to it"
                : caller.tenant() + " may only add experiments to practice " + practice.name()
                        + " that it owns itself (list it under organisations)");
    }

    public static void requireMayChange(Caller caller, Experiment experiment, PracticeRef practice, ExperimentDetails next) {
        if (caller.is(Caller.COORDINATOR) || municipalityOf(caller, practice)) {
            return;
        }
        boolean owner = organisationCaller(caller)
                && experiment.organisations().stream().anyMatch(o -> Names.same(o, caller.organisation()));
        boolean keepsOwnership = next == null
                || next.organisations().stream().anyMatch(o -> Names.same(o, caller.organisation()));
        if (!owner || !keepsOwnership) {
            throw new ExperimentAccessDenied(caller.tenant() == null
                    ? "Only coordinators and the experiment's own organisations may change it"
                    : owner ? caller.tenant() + " may not hand experiment '" + experiment.title() + "' over to others"
                            : caller.tenant() + " does not own experiment '" + experiment.title() + "'");
        }
    }

    private static boolean organisationCaller(Caller caller) {
        return (caller.is(Caller.ORGANISATION_STAFF) || caller.is(Caller.ORGANISATION_SYSTEM)) && caller.organisation() != null;
    }

    private static boolean municipalityOf(Caller caller, PracticeRef practice) {
        return caller.is(Caller.MUNICIPAL_SYSTEM) && caller.municipality() != null
                && practice.municipalities().contains(caller.municipality());
    }
}
