package nl.mantelzorgthuis.starter.problem;

import java.io.IOException;

/** Reading a request body went past the limit: answered 413 (an I/O error, so it ends the read at once). */
public final class BodyTooLarge extends IOException {

    public BodyTooLarge(long max) {
        super("The request body is larger than " + max / 1024 + " kB");
    }
}
