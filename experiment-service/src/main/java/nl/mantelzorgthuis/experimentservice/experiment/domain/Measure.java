package nl.mantelzorgthuis.experimentservice.experiment.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A measure of an experiment with its observations in date order. {@code baselinePoints}, when set,
 * freezes the centre line of the first part to the median of that many first points; each date in
 * {@code splitAt} starts a new part with its own centre line (e.g. after a change was adopted).
 */
public record Measure(
        String id,
        String name,
        String unit,
        BetterWhen betterWhen,
        Double target,
        Integer baselinePoints,
        List<LocalDate> splitAt,
        List<Observation> observations) {

    public Measure {
        splitAt = splitAt == null ? List.of() : splitAt.stream().distinct().sorted().toList();
        observations = observations == null ? List.of() : observations;
    }

    /** Adds observations; one per date, so a value sent again for the same date replaces the old one. */
    public Measure record(List<Observation> added) {
        List<Observation> merged = new ArrayList<>(observations.size() + added.size());
        var newDates = added.stream().map(Observation::date).collect(java.util.stream.Collectors.toSet());
        observations.stream().filter(o -> !newDates.contains(o.date())).forEach(merged::add);
        // Last one wins when a batch carries a date twice.
        var byDate = new java.util.LinkedHashMap<LocalDate, Observation>();
        added.forEach(o -> byDate.put(o.date(), o));
        merged.addAll(byDate.values());
        merged.sort(Comparator.comparing(Observation::date));
        return new Measure(id, name, unit, betterWhen, target, baselinePoints, splitAt, merged);
    }

    public Measure withAnalysisSettings(Integer baselinePoints, List<LocalDate> splitAt) {
        return new Measure(id, name, unit, betterWhen, target, baselinePoints, splitAt, observations);
    }
}
