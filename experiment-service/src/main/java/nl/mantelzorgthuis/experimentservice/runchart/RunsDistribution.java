package nl.mantelzorgthuis.experimentservice.runchart;

/**
 * The critical values both rule sets compare with, computed from their distributions rather than
 * copied from printed tables (which stop at 60 points): the number of runs in a random arrangement
 * (Swed and Eisenhart 1943) and the binomial distribution of crossings (Anhøj and Olesen 2014).
 */
final class RunsDistribution {

    private RunsDistribution() {
    }

    /**
     * The smallest and largest number of runs chance allows among {@code n} useful observations split
     * evenly above and below the median, at 2.5% in each tail (5% two-sided): fewer or more is a signal.
     */
    static int[] runsLimits(int n) {
        int n1 = n / 2;
        int n2 = n - n1;
        double[] logFactorial = logFactorials(n);
        double total = logChoose(logFactorial, n, n1);
        int lower = 2;
        double cumulative = 0;
        for (int r = 2; r <= n; r++) {
            double p = runsProbability(logFactorial, r, n1, n2, total);
            if (cumulative + p > 0.025) {
                lower = r;
                break;
            }
            cumulative += p;
        }
        int upper = n;
        double tail = 0;
        for (int r = n; r >= 2; r--) {
            tail += runsProbability(logFactorial, r, n1, n2, total);
            if (tail > 0.025) {
                upper = r;
                break;
            }
        }
        return new int[] {lower, upper};
    }

    /** Anhøj's upper limit for the longest run: round(log2(n) + 3). */
    static int longestRunLimit(int n) {
        return (int) Math.round(Math.log(n) / Math.log(2) + 3);
    }

    /** Anhøj's lower limit for crossings: the 5th percentile of Binomial(n - 1, 0.5), as R's qbinom. */
    static int crossingsLimit(int n) {
        int trials = Math.max(n - 1, 0);
        double[] logFactorial = logFactorials(trials);
        double cumulative = 0;
        for (int k = 0; k <= trials; k++) {
            cumulative += Math.exp(logChoose(logFactorial, trials, k) - trials * Math.log(2));
            // The small tolerance keeps R's convention (qbinom steps at P(X <= k) >= p) despite rounding.
            if (cumulative >= 0.05 * (1 - 64 * Math.ulp(1.0))) {
                return k;
            }
        }
        return trials;
    }

    private static double runsProbability(double[] lf, int r, int n1, int n2, double logTotal) {
        if (n1 == 0 || n2 == 0) {
            return r == 1 ? 1 : 0;
        }
        if (r % 2 == 0) {
            int k = r / 2;
            if (k - 1 > n1 - 1 || k - 1 > n2 - 1) {
                return 0;
            }
            return 2 * Math.exp(logChoose(lf, n1 - 1, k - 1) + logChoose(lf, n2 - 1, k - 1) - logTotal);
        }
        int k = (r - 1) / 2;
        double a = k <= n1 - 1 && k - 1 <= n2 - 1 && k >= 1
                ? Math.exp(logChoose(lf, n1 - 1, k) + logChoose(lf, n2 - 1, k - 1) - logTotal) : 0;
        double b = k - 1 <= n1 - 1 && k <= n2 - 1 && k >= 1
                ? Math.exp(logChoose(lf, n1 - 1, k - 1) + logChoose(lf, n2 - 1, k) - logTotal) : 0;
        return a + b;
    }

    private static double[] logFactorials(int n) {
        double[] lf = new double[n + 1];
        for (int i = 2; i <= n; i++) {
            lf[i] = lf[i - 1] + Math.log(i);
        }
        return lf;
    }

    private static double logChoose(double[] lf, int n, int k) {
        if (k < 0 || k > n) {
            return Double.NEGATIVE_INFINITY;
        }
        return lf[n] - lf[k] - lf[n - k];
    }
}
