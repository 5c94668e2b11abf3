package nl.mantelzorgthuis.experimentservice.experiment.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of an experiment. An evaluated experiment may run again (another cycle) or be
 * completed; until it is completed it may be stopped, with a reason. Completed and stopped are final.
 */
public enum ExperimentStatus {
    IDEA, PREPARING, RUNNING, EVALUATED, COMPLETED, STOPPED;

    public Set<ExperimentStatus> next() {
        return switch (this) {
            case IDEA -> EnumSet.of(PREPARING, STOPPED);
            case PREPARING -> EnumSet.of(IDEA, RUNNING, STOPPED);
            case RUNNING -> EnumSet.of(EVALUATED, STOPPED);
            case EVALUATED -> EnumSet.of(RUNNING, COMPLETED, STOPPED);
            case COMPLETED, STOPPED -> EnumSet.noneOf(ExperimentStatus.class);
        };
    }

    public boolean isFinal() {
        return next().isEmpty();
    }
}
