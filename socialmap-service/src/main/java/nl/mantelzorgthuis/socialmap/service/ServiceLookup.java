package nl.mantelzorgthuis.socialmap.service;

import org.springframework.stereotype.Component;

/** Whether a service exists, for other parts of the social map that link to services (respite routes). */
@Component
public class ServiceLookup {

    private final ServiceStore store;

    ServiceLookup(ServiceStore store) {
        this.store = store;
    }

    public boolean exists(String id) {
        return store.find(id).isPresent();
    }

    public java.util.Optional<nl.mantelzorgthuis.socialmap.service.domain.ServiceEntry> find(String id) {
        return store.find(id);
    }
}
