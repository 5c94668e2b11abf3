package nl.mantelzorgthuis.notificationservice.events;

/** An event that can never be processed; it goes to the dead-letter topic with this reason. */
class MalformedEvent extends RuntimeException {

    MalformedEvent(String reason) {
        super(reason);
    }

    MalformedEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
