package nl.mantelzorgthuis.notificationservice.access;

/** No such resource, or not one the caller may know of (404). */
public class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
