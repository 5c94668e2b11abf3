package nl.mantelzorgthuis.experimentservice.runchart;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The analysis itself for a measure of 1,000 observations, in process (bench/experiments.sh runs it
 * with -Dbench=true; skipped otherwise). Prints percentiles; asserts no time, as timings here are noisy.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class RunChartBenchmark {

    @Test
    void analyses_a_thousand_observations() {
        Random random = new Random(42);
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 50 + random.nextGaussian() * 5 + (i > 600 ? 4 : 0);
        }
        for (int i = 0; i < 5_000; i++) {
            RunChartAnalysis.analyse(values, new int[] {500}, 100, true);
        }
        long[] nanos = new long[5_000];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            RunChartAnalysis.analyse(values, new int[] {500}, 100, true);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("run chart analysis, 1,000 observations, in process: p50=%.3f ms p99=%.3f ms max=%.3f ms%n",
                nanos[2_500] / 1e6, nanos[4_950] / 1e6, nanos[4_999] / 1e6);
    }
}
