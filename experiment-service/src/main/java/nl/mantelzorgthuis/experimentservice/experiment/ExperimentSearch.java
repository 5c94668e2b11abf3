package nl.mantelzorgthuis.experimentservice.experiment;

import nl.mantelzorgthuis.experimentservice.experiment.domain.CollaborationLevel;
import nl.mantelzorgthuis.experimentservice.experiment.domain.ExperimentStatus;
import nl.mantelzorgthuis.experimentservice.experiment.domain.InquiryPhase;
import nl.mantelzorgthuis.experimentservice.experiment.domain.OutcomeCategory;

/** Filters of the experiment list; all optional, combined with AND. {@code text} includes lessons learned. */
public record ExperimentSearch(String practiceId, CollaborationLevel level, OutcomeCategory outcome, ExperimentStatus status,
        InquiryPhase phase, String organisation, String text, String adoptedFrom, int page, int pageSize) {

    /** Every experiment, for summaries and exports, where paging does not apply. */
    static ExperimentSearch everything() {
        return new ExperimentSearch(null, null, null, null, null, null, null, null, 0, 1);
    }

    /** The copies adopted from one experiment. */
    static ExperimentSearch copiesOf(String experimentId) {
        return new ExperimentSearch(null, null, null, null, null, null, null, experimentId, 0, 1);
    }
}
