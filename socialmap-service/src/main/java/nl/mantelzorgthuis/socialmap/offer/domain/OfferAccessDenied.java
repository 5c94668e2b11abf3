package nl.mantelzorgthuis.socialmap.offer.domain;

public class OfferAccessDenied extends RuntimeException {

    public OfferAccessDenied(String message) {
        super(message);
    }
}
