package nl.mantelzorgthuis.experimentservice.experiment.domain;

/** Which direction of a measure is an improvement. */
public enum BetterWhen {
    HIGHER, LOWER
}
