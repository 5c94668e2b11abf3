package nl.mantelzorgthuis.experimentservice.experiment.domain;

/** The seven opbrengsten (outcome categories) of the programme (seed 000). */
public enum OutcomeCategory {
    /** Samenwerking tussen mantelzorgers en professionals. */
    COLLABORATION_CAREGIVERS_PROFESSIONALS,
    /** Samenwerking tussen professionals onderling. */
    COLLABORATION_AMONG_PROFESSIONALS,
    /** Samenwerking tussen organisaties en op beleidsniveau. */
    COLLABORATION_ORGANISATIONS_AND_POLICY,
    /** Beter gebruik van digitale en technologische hulpmiddelen. */
    DIGITAL_AND_TECHNOLOGICAL_AIDS,
    /** Kennis van mantelzorgers. */
    CAREGIVER_KNOWLEDGE,
    /** Samenwerking met vrijwilligersorganisaties en bewonersinitiatieven. */
    COLLABORATION_VOLUNTEERS_AND_RESIDENTS,
    /** Uitwisseling van zorg- en welzijnsvaardigheden. */
    EXCHANGE_OF_CARE_AND_WELFARE_SKILLS
}
