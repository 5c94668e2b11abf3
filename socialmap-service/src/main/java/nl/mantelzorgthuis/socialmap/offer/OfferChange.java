package nl.mantelzorgthuis.socialmap.offer;

import java.util.Locale;

/** What happened to a social-map entry; each is one CloudEvents type (docs/events.md). */
public enum OfferChange {
    CREATED, UPDATED, VERIFIED;

    public String type() {
        return OfferEvents.TYPE_PREFIX + name().toLowerCase(Locale.ROOT) + ".v1";
    }
}
