package nl.mantelzorgthuis.experimentservice.experiment.domain;

/** What a plan-do-study-act cycle decided: keep the change, change it, or drop it. */
public enum CycleDecision {
    ADOPT, ADAPT, ABANDON
}
