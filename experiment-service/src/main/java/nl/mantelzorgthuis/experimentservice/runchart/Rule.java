package nl.mantelzorgthuis.experimentservice.runchart;

public enum Rule {
    /** IHI: six or more consecutive points on one side of the centre line. */
    SHIFT,
    /** IHI: five or more consecutive points all going up or all going down. */
    TREND,
    /** IHI: fewer runs than chance allows (Swed-Eisenhart lower limit). */
    TOO_FEW_RUNS,
    /** IHI: more runs than chance allows (Swed-Eisenhart upper limit). */
    TOO_MANY_RUNS,
    /** IHI: a blatantly different point; objectively, outside the individuals-chart limits. */
    ASTRONOMICAL_POINT,
    /** Anhøj: a run longer than round(log2(n) + 3). */
    UNUSUALLY_LONG_RUN,
    /** Anhøj: fewer crossings than the lower 5th percentile of Binomial(n - 1, 0.5). */
    UNUSUALLY_FEW_CROSSINGS
}
