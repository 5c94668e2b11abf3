package nl.mantelzorgthuis.experimentservice.experiment.domain;

import java.time.LocalDate;

/**
 * One plan-do-study-act cycle: the plan and what the team predicted (plan), what happened (do),
 * what was learned compared with the prediction (study), and the decision (act). The later parts
 * stay empty until the team gets there.
 */
public record ImprovementCycle(
        int number,
        String plan,
        String prediction,
        LocalDate startedOn,
        String whatHappened,
        String learned,
        CycleDecision decision,
        LocalDate decidedOn) {

    public boolean isDecided() {
        return decision != null;
    }
}
