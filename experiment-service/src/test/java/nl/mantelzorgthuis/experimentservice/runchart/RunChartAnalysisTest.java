package nl.mantelzorgthuis.experimentservice.runchart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The run-chart rules checked against their published definitions and critical values:
 * <ul>
 * <li>[Perla] Perla RJ, Provost LP, Murray SK. The run chart: a simple analytical tool for learning
 * from variation in healthcare processes. BMJ Qual Saf 2011;20:46-51 (rules 1-4, Figure 3).</li>
 * <li>[Swed] Swed FS, Eisenhart C. Tables for testing randomness of grouping in a sequence of
 * alternatives. Ann Math Stat 1943;14:66-87 (critical numbers of runs, 5% two-sided).</li>
 * <li>[Anhøj] Anhøj J, Olesen AV. Run charts revisited. PLoS ONE 2014;9(11):e113825, Table 1, and
 * the qicharts2 vignette "Critical Values for Longest Runs and Number of Crossings".</li>
 * <li>[Unaettie] unaettie.com FAQ "Length of run in a run chart" (Table-1) and "Run chart patterns"
 * example 4: 24 useful points, 24 runs, expected 8 to 18 runs: too many runs.</li>
 * </ul>
 */
class RunChartAnalysisTest {

    private static RuleSetAnalysis ihi(double[] values) {
        return RunChartAnalysis.analyse(values, new int[0], null, true).get(0);
    }

    private static RuleSetAnalysis anhoej(double[] values) {
        return RunChartAnalysis.analyse(values, new int[0], null, true).get(1);
    }

    private static List<Rule> rules(RuleSetAnalysis analysis) {
        return analysis.parts().stream().flatMap(p -> p.signals().stream()).map(Signal::rule).toList();
    }

    @ParameterizedTest(name = "{0} useful observations: longest run at most {1}, at least {2} crossings")
    @CsvSource({"10,6,2", "11,6,2", "12,7,3", "14,7,4", "17,7,5", "19,7,6", "20,7,6", "22,7,7", "23,8,7", "24,8,8",
            "30,8,10", "40,8,14", "45,8,17", "46,9,17", "50,9,19", "60,9,23", "100,10,41"})
    void anhoej_critical_values_match_the_published_table(int n, int longestRun, int crossings) {
        assertThat(RunsDistribution.longestRunLimit(n)).isEqualTo(longestRun);
        assertThat(RunsDistribution.crossingsLimit(n)).isEqualTo(crossings);
    }

    @ParameterizedTest(name = "{0} useful observations: between {1} and {2} runs is random")
    @CsvSource({"10,3,9", "20,7,15", "24,8,18"})
    void runs_limits_match_swed_and_eisenhart(int n, int lower, int upper) {
        // [Swed] n1 = n2 = 5: 2 or fewer runs, or 10 or more, is significant; n1 = n2 = 10: 6 or fewer, or 16 or more.
        // [Unaettie] 24 useful observations: expect 8 to 18 runs.
        assertThat(RunsDistribution.runsLimits(n)).containsExactly(lower, upper);
    }

    @Test
    void flags_too_many_runs_in_the_published_alternating_example() {
        // [Unaettie] example 4: 24 points none on the median, 23 crossings, 24 runs; expected 8 to 18.
        double[] values = new double[24];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 2 == 0 ? 10 + i % 3 : 20 + i % 5;
        }
        RuleSetAnalysis analysis = ihi(values);
        PartAnalysis part = analysis.parts().getFirst();
        assertThat(part.usefulObservations()).isEqualTo(24);
        assertThat(part.runs()).isEqualTo(24);
        assertThat(part.limits()).containsEntry("runsLower", 8).containsEntry("runsUpper", 18);
        assertThat(rules(analysis)).contains(Rule.TOO_MANY_RUNS).doesNotContain(Rule.TOO_FEW_RUNS, Rule.SHIFT);
    }

    @Test
    void six_points_on_one_side_is_a_shift_and_points_on_the_median_neither_make_nor_break_it() {
        // [Perla] rule 1; the median here is 5 and the point at position 9 lies on it.
        double[] values = {3, 7, 2, 8, 4, 5, 5, 5, 6, 5, 7, 8, 9, 6, 7, 1, 2, 3, 4, 5, 5};
        double median = RunChartAnalysis.median(values, 0, values.length);
        assertThat(median).isEqualTo(5);
        RuleSetAnalysis analysis = ihi(values);
        List<Signal> shifts = analysis.parts().getFirst().signals().stream().filter(s -> s.rule() == Rule.SHIFT).toList();
        assertThat(shifts).hasSize(1);
        assertThat(shifts.getFirst().points()).containsExactly(8, 10, 11, 12, 13, 14);
        assertThat(shifts.getFirst().direction()).isEqualTo("UP");
        assertThat(shifts.getFirst().favourable()).isTrue();
    }

    @Test
    void five_points_on_one_side_is_not_a_shift() {
        double[] values = {1, 9, 2, 8, 1, 7, 8, 9, 7, 8, 1, 2, 9, 1, 3, 2};
        assertThat(rules(ihi(values))).doesNotContain(Rule.SHIFT);
    }

    @Test
    void five_points_going_down_is_a_trend_and_repeated_values_are_skipped_not_counted() {
        // [Perla] rule 2: "if the value of two or more successive points is the same, ignore one of the points".
        double[] trend = {5, 9, 8, 8, 7, 6, 5, 6, 4, 7};
        Signal signal = ihi(trend).parts().getFirst().signals().stream().filter(s -> s.rule() == Rule.TREND).findFirst().orElseThrow();
        assertThat(signal.points()).containsExactly(1, 2, 4, 5, 6);
        assertThat(signal.direction()).isEqualTo("DOWN");
        assertThat(signal.favourable()).isFalse();
        // Four points going up (the repeat does not make a fifth) is no trend.
        double[] noTrend = {5, 1, 2, 2, 3, 4, 2, 6, 3, 5};
        assertThat(rules(ihi(noTrend))).doesNotContain(Rule.TREND);
    }

    @Test
    void a_sustained_shift_gives_a_long_run_and_few_crossings_under_the_anhoej_rules() {
        // [Anhøj] A shift after point 12: 12 points around 10, then 12 points around 14.
        double[] values = {10, 9, 11, 10.5, 9.5, 10.2, 9.8, 10.1, 9.9, 10.4, 9.6, 10.3,
                14, 13.5, 14.5, 13.8, 14.2, 14.1, 13.9, 14.4, 13.6, 14.3, 13.7, 14};
        RuleSetAnalysis analysis = anhoej(values);
        PartAnalysis part = analysis.parts().getFirst();
        assertThat(part.usefulObservations()).isEqualTo(24);
        assertThat(part.longestRun()).isEqualTo(12);
        assertThat(part.limits()).isEqualTo(Map.of("longestRunMax", 8, "crossingsMin", 8));
        // Both halves are runs of 12, longer than 8; one crossing where 8 are expected at least.
        assertThat(rules(analysis)).containsExactlyInAnyOrder(Rule.UNUSUALLY_LONG_RUN, Rule.UNUSUALLY_LONG_RUN,
                Rule.UNUSUALLY_FEW_CROSSINGS);
        assertThat(analysis.nonRandomVariation()).isTrue();
        assertThat(ihi(values).nonRandomVariation()).isTrue();
    }

    @Test
    void random_looking_data_gives_no_signal() {
        double[] values = {12, 15, 11, 16, 13, 10, 14, 17, 12, 15, 13, 16, 11, 14, 15, 12, 13, 16, 14, 11};
        assertThat(ihi(values).nonRandomVariation()).as(ihi(values).toString()).isFalse();
        assertThat(anhoej(values).nonRandomVariation()).isFalse();
    }

    @Test
    void an_astronomical_point_lies_outside_the_natural_process_limits() {
        double[] values = {20.5, 21, 19, 20.2, 22, 18, 20.1, 21.3, 19.4, 45, 20.3, 21.1, 19.2, 20.7};
        List<Signal> signals = ihi(values).parts().getFirst().signals();
        assertThat(signals).filteredOn(s -> s.rule() == Rule.ASTRONOMICAL_POINT).extracting(Signal::points)
                .containsExactly(List.of(9));
    }

    @Test
    void a_frozen_baseline_judges_later_points_against_the_baseline_median() {
        // Baseline of 8 points around 50; afterwards the process improves to around 60.
        double[] values = {50, 52, 48, 51, 49, 50.5, 49.5, 50.2, 60, 61, 59, 62, 60, 61};
        RuleSetAnalysis frozen = RunChartAnalysis.analyse(values, new int[0], 8, true).get(0);
        PartAnalysis part = frozen.parts().getFirst();
        assertThat(part.centreBasis()).isEqualTo("FROZEN_BASELINE");
        assertThat(part.centre()).isEqualTo(50.1);
        assertThat(part.signals()).extracting(Signal::rule).contains(Rule.SHIFT);
        // Without the freeze the improvement drags the median up and hides part of the shift.
        RuleSetAnalysis moving = RunChartAnalysis.analyse(values, new int[0], null, true).get(0);
        assertThat(moving.parts().getFirst().centre()).isGreaterThan(50.1);
    }

    @Test
    void a_split_gives_each_part_its_own_median() {
        double[] values = {10, 12, 11, 9, 10, 11, 20, 22, 21, 19, 20, 21};
        RuleSetAnalysis analysis = RunChartAnalysis.analyse(values, new int[] {6}, null, true).get(0);
        assertThat(analysis.parts()).hasSize(2);
        assertThat(analysis.parts().get(0).centre()).isEqualTo(10.5);
        assertThat(analysis.parts().get(1).centre()).isEqualTo(20.5);
        assertThat(analysis.parts().get(1).fromPoint()).isEqualTo(6);
        assertThat(analysis.nonRandomVariation()).isFalse();
    }

    @Test
    void too_few_points_for_the_runs_rule_is_said_not_guessed() {
        PartAnalysis part = ihi(new double[] {1, 2, 3}).parts().getFirst();
        assertThat(part.notes()).anyMatch(n -> n.contains("at least 10"));
        assertThat(RunChartAnalysis.analyse(new double[0], new int[0], null, true).get(0).parts()).isEmpty();
    }
}
