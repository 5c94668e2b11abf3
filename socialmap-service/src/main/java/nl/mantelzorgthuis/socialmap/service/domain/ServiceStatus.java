package nl.mantelzorgthuis.socialmap.service.domain;

/** HSDS service status. */
public enum ServiceStatus {
    ACTIVE, INACTIVE, DEFUNCT, TEMPORARILY_CLOSED
}
