package nl.mantelzorgthuis.experimentservice.experiment.domain;

import java.util.Set;

/** The change does not fit the experiment's current state (409). {@code allowed} names what would. */
public class ExperimentConflict extends RuntimeException {

    private final String title;
    private final transient Set<ExperimentStatus> allowed;

    public ExperimentConflict(String title, String detail, Set<ExperimentStatus> allowed) {
        super(detail);
        this.title = title;
        this.allowed = allowed == null ? Set.of() : Set.copyOf(allowed);
    }

    public ExperimentConflict(String title, String detail) {
        this(title, detail, null);
    }

    public String title() {
        return title;
    }

    public Set<ExperimentStatus> allowed() {
        return allowed;
    }
}
