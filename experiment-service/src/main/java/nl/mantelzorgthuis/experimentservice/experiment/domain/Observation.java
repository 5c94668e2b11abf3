package nl.mantelzorgthuis.experimentservice.experiment.domain;

import java.time.LocalDate;

/** A dated value of a measure; the note annotates the run chart (e.g. "cycle 2 started"). */
public record Observation(LocalDate date, double value, String note) {
}
