package nl.mantelzorgthuis.experimentservice.experiment;

import java.util.Locale;

/** What happened to an experiment; each is one CloudEvents type (docs/events.md). */
public enum ExperimentChange {
    CREATED, UPDATED, STATUS_CHANGED, CYCLE_RECORDED, MEASURE_RECORDED, ADOPTED;

    public String type() {
        return ExperimentEvents.TYPE_PREFIX + name().toLowerCase(Locale.ROOT).replace('_', '-') + ".v1";
    }
}
