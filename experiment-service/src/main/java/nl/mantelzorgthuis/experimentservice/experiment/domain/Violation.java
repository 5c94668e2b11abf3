package nl.mantelzorgthuis.experimentservice.experiment.domain;

/** One broken rule: the field it concerns and why, in words a client can show. */
public record Violation(String field, String reason) {
}
