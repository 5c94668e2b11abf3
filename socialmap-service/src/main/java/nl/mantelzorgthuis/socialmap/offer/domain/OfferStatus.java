package nl.mantelzorgthuis.socialmap.offer.domain;

/** HSDS service status. */
public enum OfferStatus {
    ACTIVE, INACTIVE, DEFUNCT, TEMPORARILY_CLOSED
}
