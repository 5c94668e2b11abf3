package nl.mantelzorgthuis.experimentservice.experiment.domain;

/** The experiment another practice started from (the seeds: Noordoostpolder re-using 's-Hertogenbosch's routing). */
public record AdoptedFrom(String experimentId, String practiceId, String practiceName, String title) {
}
