package nl.mantelzorgthuis.starter.outbox;

import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;

/**
 * {@code /actuator/outbox} for operators (runbook in docs/operations.md): GET lists the parked
 * events with their reasons; POST retries them, all or one document's ({@code collection}, {@code id}).
 */
@Endpoint(id = "outbox")
public class OutboxEndpoint {

    private final OutboxRelay relay;

    public OutboxEndpoint(OutboxRelay relay) {
        this.relay = relay;
    }

    @ReadOperation
    public Map<String, List<OutboxRelay.ParkedEvent>> parked() {
        return Map.of("parked", relay.parked());
    }

    @WriteOperation
    public Map<String, Integer> retry(@Nullable String collection, @Nullable String id) {
        return Map.of("retried", relay.retryParked(collection, id));
    }
}
