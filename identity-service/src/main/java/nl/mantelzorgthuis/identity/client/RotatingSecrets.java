package nl.mantelzorgthuis.identity.client;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password encoder of the identity service. It hashes with Spring Security's delegating encoder
 * (bcrypt) and, for machine clients in a secret rotation, accepts a list of hashes
 * ({@code {any}hash1 hash2}): a client secret matches if it matches any of them. Spring Authorization
 * Server checks one stored secret per client, which is why the list travels as one encoded value.
 */
public final class RotatingSecrets implements PasswordEncoder {

    static final String PREFIX = "{any}";

    private final PasswordEncoder delegate;

    public RotatingSecrets(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    static String encodedList(List<String> hashes) {
        return PREFIX + String.join(" ", hashes);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (encodedPassword == null || rawPassword == null) {
            return false;
        }
        if (encodedPassword.startsWith(PREFIX)) {
            return Arrays.stream(encodedPassword.substring(PREFIX.length()).split(" "))
                    .filter(hash -> !hash.isBlank())
                    .anyMatch(hash -> delegate.matches(rawPassword, hash));
        }
        return delegate.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return !encodedPassword.startsWith(PREFIX) && delegate.upgradeEncoding(encodedPassword);
    }
}
