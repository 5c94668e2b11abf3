package nl.mantelzorgthuis.starter.problem;

/** One refused field or parameter, as the Dutch API Design Rules' problem extension lists it. */
public record InvalidParam(String name, String reason) {
}
