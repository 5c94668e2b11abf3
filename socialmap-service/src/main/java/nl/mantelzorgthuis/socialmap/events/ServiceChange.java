package nl.mantelzorgthuis.socialmap.events;

import java.util.Locale;

/** What happened to a social-map entry; each is one CloudEvents type (docs/events.md). */
public enum ServiceChange {
    CREATED, UPDATED, VERIFIED;

    public String type() {
        return ServiceEvents.TYPE_PREFIX + name().toLowerCase(Locale.ROOT) + ".v1";
    }
}
