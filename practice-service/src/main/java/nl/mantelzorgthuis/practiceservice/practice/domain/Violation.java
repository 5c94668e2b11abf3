package nl.mantelzorgthuis.practiceservice.practice.domain;

/** A broken rule on one field, e.g. {@code organisations}: a practice accelerator needs three. */
public record Violation(String field, String reason) {
}
