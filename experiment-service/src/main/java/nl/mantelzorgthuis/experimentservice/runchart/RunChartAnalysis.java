package nl.mantelzorgthuis.experimentservice.runchart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs analysis of a series of observations in time order, with the IHI run-chart rules and the
 * Anhøj rules. Points on the centre line neither make nor break a run (both sources). A series may
 * be split into parts, each with its own centre line; the first part's centre line may be frozen to
 * the median of its first {@code baselinePoints} observations, so later points are judged against
 * the baseline instead of moving the median themselves.
 */
public final class RunChartAnalysis {

    /** Below this many useful observations the IHI runs rule and the astronomical-point check are not applied. */
    static final int MINIMUM_FOR_RUNS_RULE = 10;

    private RunChartAnalysis() {
    }

    /**
     * @param values         observations in time order
     * @param partStarts     positions where a new part starts (the first part starts at 0 implicitly)
     * @param baselinePoints null, or how many first points of the first part fix its centre line
     * @param higherIsBetter which direction of the measure is an improvement
     */
    public static List<RuleSetAnalysis> analyse(double[] values, int[] partStarts, Integer baselinePoints, boolean higherIsBetter) {
        int[] bounds = bounds(values.length, partStarts);
        List<PartAnalysis> ihi = new ArrayList<>();
        List<PartAnalysis> anhoej = new ArrayList<>();
        for (int p = 0; p + 1 < bounds.length; p++) {
            int from = bounds[p];
            int to = bounds[p + 1];
            if (from == to) {
                continue;
            }
            Integer baseline = p == 0 && baselinePoints != null && baselinePoints > 0 ? Math.min(baselinePoints, to - from) : null;
            Part part = new Part(values, from, to, baseline);
            ihi.add(part.ihi(higherIsBetter));
            anhoej.add(part.anhoej(higherIsBetter));
        }
        return List.of(
                new RuleSetAnalysis(RuleSet.IHI, RuleSet.IHI.reference(), ihi.stream().anyMatch(a -> !a.signals().isEmpty()), ihi),
                new RuleSetAnalysis(RuleSet.ANHOEJ, RuleSet.ANHOEJ.reference(),
                        anhoej.stream().anyMatch(a -> !a.signals().isEmpty()), anhoej));
    }

    public static double median(double[] values, int from, int to) {
        double[] sorted = Arrays.copyOfRange(values, from, to);
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static int[] bounds(int length, int[] partStarts) {
        int[] starts = Arrays.stream(partStarts == null ? new int[0] : partStarts)
                .filter(s -> s > 0 && s < length).distinct().sorted().toArray();
        int[] bounds = new int[starts.length + 2];
        System.arraycopy(starts, 0, bounds, 1, starts.length);
        bounds[bounds.length - 1] = length;
        return bounds;
    }

    /** One part of the chart with its centre line and its useful (off-centre) points. */
    private static final class Part {

        private final double[] values;
        private final int from;
        private final int to;
        private final double centre;
        private final String basis;
        private final Integer baseline;
        /** Positions of the useful points and their side (+1 above, -1 below). */
        private final int[] useful;
        private final int[] side;
        /** Runs of useful points: start and end offsets into {@code useful} (inclusive). */
        private final List<int[]> runs = new ArrayList<>();

        Part(double[] values, int from, int to, Integer baseline) {
            this.values = values;
            this.from = from;
            this.to = to;
            this.baseline = baseline;
            this.centre = median(values, from, baseline == null ? to : from + baseline);
            this.basis = baseline == null ? "MEDIAN" : "FROZEN_BASELINE";
            int count = 0;
            for (int i = from; i < to; i++) {
                if (values[i] != centre) {
                    count++;
                }
            }
            useful = new int[count];
            side = new int[count];
            int u = 0;
            for (int i = from; i < to; i++) {
                if (values[i] != centre) {
                    useful[u] = i;
                    side[u++] = values[i] > centre ? 1 : -1;
                }
            }
            int start = 0;
            for (int i = 1; i <= count; i++) {
                if (i == count || side[i] != side[start]) {
                    if (count > 0) {
                        runs.add(new int[] {start, i - 1});
                    }
                    start = i;
                }
            }
        }

        int longestRun() {
            return runs.stream().mapToInt(r -> r[1] - r[0] + 1).max().orElse(0);
        }

        PartAnalysis ihi(boolean higherIsBetter) {
            List<Signal> signals = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            Map<String, Number> limits = new LinkedHashMap<>();
            limits.put("shiftLength", 6);
            limits.put("trendLength", 5);
            for (int[] run : runs) {
                int length = run[1] - run[0] + 1;
                if (length >= 6) {
                    String direction = side[run[0]] > 0 ? "UP" : "DOWN";
                    signals.add(new Signal(Rule.SHIFT, length + " consecutive points " + (side[run[0]] > 0 ? "above" : "below")
                            + " the centre line", positions(run), direction, favourable(direction, higherIsBetter)));
                }
            }
            trends(signals, higherIsBetter);
            int n = useful.length;
            if (n >= MINIMUM_FOR_RUNS_RULE) {
                int[] runLimits = RunsDistribution.runsLimits(n);
                limits.put("runsLower", runLimits[0]);
                limits.put("runsUpper", runLimits[1]);
                if (runs.size() < runLimits[0]) {
                    signals.add(new Signal(Rule.TOO_FEW_RUNS, runs.size() + " runs among " + n
                            + " useful observations; chance gives at least " + runLimits[0], List.of(), null, null));
                } else if (runs.size() > runLimits[1]) {
                    signals.add(new Signal(Rule.TOO_MANY_RUNS, runs.size() + " runs among " + n
                            + " useful observations; chance gives at most " + runLimits[1], List.of(), null, null));
                }
                astronomical(signals, limits, higherIsBetter);
            } else {
                notes.add("The runs rule and the astronomical-point check need at least " + MINIMUM_FOR_RUNS_RULE
                        + " useful observations; this part has " + n);
            }
            return new PartAnalysis(from, to - 1, centre, basis, n, runs.size(), Math.max(runs.size() - 1, 0), longestRun(),
                    limits, signals, notes);
        }

        PartAnalysis anhoej(boolean higherIsBetter) {
            List<Signal> signals = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            Map<String, Number> limits = new LinkedHashMap<>();
            int n = useful.length;
            int crossings = Math.max(runs.size() - 1, 0);
            if (n == 0) {
                notes.add("No useful observations: every point is on the centre line");
            } else {
                int longestLimit = RunsDistribution.longestRunLimit(n);
                int crossingsLimit = RunsDistribution.crossingsLimit(n);
                limits.put("longestRunMax", longestLimit);
                limits.put("crossingsMin", crossingsLimit);
                for (int[] run : runs) {
                    int length = run[1] - run[0] + 1;
                    if (length > longestLimit) {
                        String direction = side[run[0]] > 0 ? "UP" : "DOWN";
                        signals.add(new Signal(Rule.UNUSUALLY_LONG_RUN, "A run of " + length + " points "
                                + (side[run[0]] > 0 ? "above" : "below") + " the centre line; more than " + longestLimit
                                + " is unusual for " + n + " useful observations", positions(run), direction,
                                favourable(direction, higherIsBetter)));
                    }
                }
                if (crossings < crossingsLimit) {
                    signals.add(new Signal(Rule.UNUSUALLY_FEW_CROSSINGS, crossings + " crossings of the centre line; fewer than "
                            + crossingsLimit + " is unusual for " + n + " useful observations", List.of(), null, null));
                }
                if (n < MINIMUM_FOR_RUNS_RULE) {
                    notes.add("With fewer than " + MINIMUM_FOR_RUNS_RULE + " useful observations the rules rarely signal");
                }
            }
            return new PartAnalysis(from, to - 1, centre, basis, n, runs.size(), crossings, longestRun(), limits, signals, notes);
        }

        /** Five or more points all going up or all going down; equal neighbours are skipped, not counted. */
        private void trends(List<Signal> signals, boolean higherIsBetter) {
            List<Integer> kept = new ArrayList<>();
            for (int i = from; i < to; i++) {
                if (kept.isEmpty() || values[i] != values[kept.getLast()]) {
                    kept.add(i);
                }
            }
            // Steps between kept points are never flat; a trend is a stretch of steps in one direction.
            int a = 1;
            for (int j = 2; j <= kept.size(); j++) {
                boolean ends = j == kept.size() || step(kept, j) != step(kept, a);
                if (ends) {
                    int points = j - a + 1;
                    if (a < kept.size() && points >= 5) {
                        boolean up = step(kept, a) > 0;
                        String direction = up ? "UP" : "DOWN";
                        signals.add(new Signal(Rule.TREND, points + " points all going " + (up ? "up" : "down"),
                                List.copyOf(kept.subList(a - 1, j)), direction, favourable(direction, higherIsBetter)));
                    }
                    a = j;
                }
            }
        }

        private double step(List<Integer> kept, int j) {
            return Math.signum(values[kept.get(j)] - values[kept.get(j - 1)]);
        }

        /** Outside mean ± 2.66 × average moving range of the points the centre line is based on. */
        private void astronomical(List<Signal> signals, Map<String, Number> limits, boolean higherIsBetter) {
            int basisEnd = baseline == null ? to : from + baseline;
            if (basisEnd - from < 2) {
                return;
            }
            double mean = 0;
            for (int i = from; i < basisEnd; i++) {
                mean += values[i];
            }
            mean /= basisEnd - from;
            double movingRange = 0;
            for (int i = from + 1; i < basisEnd; i++) {
                movingRange += Math.abs(values[i] - values[i - 1]);
            }
            movingRange /= basisEnd - from - 1;
            if (movingRange == 0) {
                return;
            }
            double upper = mean + 2.66 * movingRange;
            double lower = mean - 2.66 * movingRange;
            limits.put("astronomicalUpper", upper);
            limits.put("astronomicalLower", lower);
            for (int i = from; i < to; i++) {
                if (values[i] > upper || values[i] < lower) {
                    String direction = values[i] > upper ? "UP" : "DOWN";
                    signals.add(new Signal(Rule.ASTRONOMICAL_POINT, "Point " + (i + 1) + " lies outside the natural process limits",
                            List.of(i), direction, favourable(direction, higherIsBetter)));
                }
            }
        }

        private List<Integer> positions(int[] run) {
            List<Integer> points = new ArrayList<>(run[1] - run[0] + 1);
            for (int u = run[0]; u <= run[1]; u++) {
                points.add(useful[u]);
            }
            return points;
        }

        private static Boolean favourable(String direction, boolean higherIsBetter) {
            return direction.equals("UP") == higherIsBetter;
        }
    }
}
