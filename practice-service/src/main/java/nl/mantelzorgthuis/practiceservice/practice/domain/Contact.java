package nl.mantelzorgthuis.practiceservice.practice.domain;

/** A contact role of the practice, e.g. coordinator or adviser (Movisie/Vilans). */
public record Contact(String role, String name, String email) {
}
