package nl.mantelzorgthuis.notificationservice.access;

/** The caller may not do this (403). */
public class NotAllowed extends RuntimeException {
    public NotAllowed(String message) {
        super(message);
    }
}
