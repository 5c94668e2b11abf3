package nl.mantelzorgthuis.identity.domain;

/** A request the identity rules refuse (422): {@code field} names what to change. */
public final class IdentityRuleViolation extends RuntimeException {

    private final String title;
    private final String field;

    public IdentityRuleViolation(String title, String field, String reason) {
        super(reason);
        this.title = title;
        this.field = field;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }
}
