package nl.mantelzorgthuis.notificationservice.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class AddressPolicyTest {

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void blocks_loopback_private_link_local_and_reserved_addresses() throws Exception {
        AddressPolicy policy = new AddressPolicy(List.of());
        for (String blocked : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.10", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1",
                "::ffff:10.0.0.1", "198.18.0.1")) {
            assertThat(policy.permits(ip(blocked))).as(blocked).isFalse();
        }
    }

    @Test
    void allows_public_addresses() throws Exception {
        AddressPolicy policy = new AddressPolicy(List.of());
        for (String allowed : List.of("145.21.0.1", "8.8.8.8", "172.32.0.1", "2a00:1450:4001::1", "::ffff:145.21.0.1")) {
            assertThat(policy.permits(ip(allowed))).as(allowed).isTrue();
        }
    }

    @Test
    void configured_ranges_are_reachable_and_known_as_allowed_by_configuration() throws Exception {
        AddressPolicy policy = new AddressPolicy(List.of("127.0.0.0/8", "10.20.0.0/16"));
        assertThat(policy.permits(ip("127.0.0.1"))).isTrue();
        assertThat(policy.permits(ip("10.20.3.4"))).isTrue();
        assertThat(policy.permits(ip("10.21.3.4"))).isFalse();
        assertThat(policy.onlyByAllowance(ip("127.0.0.1"))).isTrue();
        assertThat(policy.onlyByAllowance(ip("8.8.8.8"))).isFalse();
    }

    @Test
    void refuses_host_names_as_ranges_so_configuration_never_resolves_names() {
        assertThatThrownBy(() -> new AddressPolicy(List.of("intranet.local/8"))).isInstanceOf(IllegalArgumentException.class);
    }
}
