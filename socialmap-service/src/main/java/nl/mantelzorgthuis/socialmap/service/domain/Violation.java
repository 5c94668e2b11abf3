package nl.mantelzorgthuis.socialmap.service.domain;

public record Violation(String field, String reason) {
}
