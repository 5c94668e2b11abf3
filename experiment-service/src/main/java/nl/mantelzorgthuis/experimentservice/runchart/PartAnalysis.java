package nl.mantelzorgthuis.experimentservice.runchart;

import java.util.List;

/**
 * The analysis of one part of a run chart (the whole chart unless it was split). {@code centreBasis}
 * is MEDIAN, or FROZEN_BASELINE when the centre line is the median of the first baseline points.
 * {@code limits} holds the critical values used, {@code notes} why a rule was not applied.
 */
public record PartAnalysis(
        int fromPoint,
        int toPoint,
        double centre,
        String centreBasis,
        int usefulObservations,
        int runs,
        int crossings,
        int longestRun,
        java.util.Map<String, Number> limits,
        List<Signal> signals,
        List<String> notes) {
}
