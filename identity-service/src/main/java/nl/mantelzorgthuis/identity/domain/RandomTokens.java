package nl.mantelzorgthuis.identity.domain;

import java.security.SecureRandom;
import java.util.Base64;

/** 256-bit random values, URL-safe: activation tokens and client secrets. */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    public static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
