package nl.mantelzorgthuis.experimentservice.experiment.domain;

import java.util.Locale;

final class Names {

    private Names() {
    }

    /** Organisation names as people type them: case and surrounding spaces do not matter. */
    static boolean same(String a, String b) {
        return a != null && b != null && a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
    }
}
