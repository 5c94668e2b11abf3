package nl.mantelzorgthuis.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/** The fast path may only speed up Spring Security's header rules, never change a verdict. */
class FirewallTest {

    @Test
    void header_names_and_values_get_the_verdict_of_spring_securitys_rules() {
        List<String> samples = new ArrayList<>(List.of("", "Authorization", "Bearer abc.def", "tab\there", "line\nfeed",
                "nul\u0000", "del\u007f", "Zwolle é", "unassigned\u0378", "emoji \uD83D\uDE00", "c1\u0085", "ok ~!@#$%^&*()"));
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int n = random.nextInt(10); n > 0; n--) {
                value.append((char) (random.nextInt(10) == 0 ? random.nextInt(0x3000) : random.nextInt(0x80)));
            }
            samples.add(value.toString());
        }
        samples.add(null);
        check(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES, samples);
        check(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES, samples);
    }

    private static void check(Predicate<String> library, List<String> samples) {
        Predicate<String> fast = Firewall.printableAsciiOr(library);
        for (String sample : samples) {
            assertThat(fast.test(sample)).as(String.valueOf(sample)).isEqualTo(library.test(sample));
        }
    }
}
