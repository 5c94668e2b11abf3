package nl.mantelzorgthuis.practiceservice.practice.domain;

/** A municipality by its CBS code (GM followed by four digits) and name. */
public record Municipality(String cbsCode, String name) {
}
