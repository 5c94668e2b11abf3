package nl.mantelzorgthuis.socialmap.offer.domain;

public record Violation(String field, String reason) {
}
