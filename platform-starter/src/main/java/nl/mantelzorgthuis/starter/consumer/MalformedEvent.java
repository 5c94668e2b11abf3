package nl.mantelzorgthuis.starter.consumer;

/** An event that can never be processed; it goes straight to the dead-letter topic with this reason. */
public class MalformedEvent extends RuntimeException {

    public MalformedEvent(String reason) {
        super(reason);
    }

    public MalformedEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
