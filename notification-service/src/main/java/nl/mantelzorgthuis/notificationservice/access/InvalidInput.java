package nl.mantelzorgthuis.notificationservice.access;

import java.util.List;

/** Input that is well-formed but not acceptable, field by field (400 with invalidParams). */
public class InvalidInput extends RuntimeException {

    public record Param(String name, String reason) {
    }

    private final List<Param> params;

    public InvalidInput(String name, String reason) {
        this(List.of(new Param(name, reason)));
    }

    public InvalidInput(List<Param> params) {
        super("The request has " + params.size() + " invalid field(s); see invalidParams");
        this.params = List.copyOf(params);
    }

    public List<Param> params() {
        return params;
    }
}
