package nl.mantelzorgthuis.experimentservice.experiment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.mantelzorgthuis.experimentservice.experiment.domain.BetterWhen;
import nl.mantelzorgthuis.experimentservice.experiment.domain.Measure;
import nl.mantelzorgthuis.experimentservice.experiment.domain.Observation;
import nl.mantelzorgthuis.experimentservice.runchart.RuleSetAnalysis;
import nl.mantelzorgthuis.experimentservice.runchart.RunChartAnalysis;

/**
 * A measure's run chart as the API serves it: the points (with their annotations and the part they
 * belong to) and the analysis by each rule set. Point positions in signals index {@code points}.
 */
public record RunChartView(String measureId, String name, String unit, BetterWhen betterWhen, Double target,
        Integer baselinePoints, List<LocalDate> splitAt, List<Point> points, List<RuleSetAnalysis> analyses) {

    public record Point(int position, LocalDate date, double value, String note, int part) {
    }

    static RunChartView of(Measure measure) {
        List<Observation> observations = measure.observations();
        double[] values = new double[observations.size()];
        List<Integer> starts = new ArrayList<>();
        int split = 0;
        List<Point> points = new ArrayList<>(observations.size());
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            values[i] = o.value();
            while (split < measure.splitAt().size() && !o.date().isBefore(measure.splitAt().get(split))) {
                if (i > 0 && (starts.isEmpty() || starts.getLast() != i)) {
                    starts.add(i);
                }
                split++;
            }
            points.add(new Point(i, o.date(), o.value(), o.note(), starts.size()));
        }
        List<RuleSetAnalysis> analyses = RunChartAnalysis.analyse(values, starts.stream().mapToInt(Integer::intValue).toArray(),
                measure.baselinePoints(), measure.betterWhen() == BetterWhen.HIGHER);
        return new RunChartView(measure.id(), measure.name(), measure.unit(), measure.betterWhen(), measure.target(),
                measure.baselinePoints(), measure.splitAt(), points, analyses);
    }
}
