package nl.mantelzorgthuis.experimentservice.experiment.domain;

/** The three samenwerkingsniveaus of the programme: where the collaboration of an experiment happens. */
public enum CollaborationLevel {
    /** Achter de voordeur: caregiver and professional, one to one. */
    BEHIND_THE_FRONT_DOOR,
    /** Tussen professionals onderling. */
    BETWEEN_PROFESSIONALS,
    /** Op buurt-, wijk- of gemeenteniveau: organisations and policy. */
    NEIGHBOURHOOD_AND_MUNICIPALITY
}
