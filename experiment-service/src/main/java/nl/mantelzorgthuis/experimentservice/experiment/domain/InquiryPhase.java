package nl.mantelzorgthuis.experimentservice.experiment.domain;

/** The phase of Appreciative Inquiry (waarderend veranderen) the experiment is in. */
public enum InquiryPhase {
    DISCOVER, DREAM, DESIGN, DELIVER
}
