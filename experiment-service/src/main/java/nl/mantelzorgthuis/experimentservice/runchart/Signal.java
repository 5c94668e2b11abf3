package nl.mantelzorgthuis.experimentservice.runchart;

import java.util.List;

/**
 * A non-random pattern found by a rule. {@code points} are positions in the measure's observation
 * list (0-based); {@code direction} is UP or DOWN where the rule has one, and {@code favourable}
 * says whether that direction is the measure's better one.
 */
public record Signal(Rule rule, String description, List<Integer> points, String direction, Boolean favourable) {
}
