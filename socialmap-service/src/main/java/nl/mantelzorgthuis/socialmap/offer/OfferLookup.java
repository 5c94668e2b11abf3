package nl.mantelzorgthuis.socialmap.offer;

import org.springframework.stereotype.Component;

/** Whether a service exists, for other parts of the social map that link to services (respite routes). */
@Component
public class OfferLookup {

    private final OfferStore store;

    OfferLookup(OfferStore store) {
        this.store = store;
    }

    public boolean exists(String id) {
        return store.find(id).isPresent();
    }

    public java.util.Optional<nl.mantelzorgthuis.socialmap.offer.domain.Offer> find(String id) {
        return store.find(id);
    }
}
