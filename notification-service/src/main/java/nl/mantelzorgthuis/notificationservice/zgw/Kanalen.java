package nl.mantelzorgthuis.notificationservice.zgw;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.mantelzorgthuis.notificationservice.access.Caller;
import nl.mantelzorgthuis.notificationservice.access.InvalidInput;
import nl.mantelzorgthuis.notificationservice.access.NotAllowed;
import nl.mantelzorgthuis.notificationservice.access.NotFound;
import nl.mantelzorgthuis.notificationservice.webhook.domain.Subscription;
import org.springframework.stereotype.Service;

/** The kanalen of the Notificaties API: who may register one, and which filters an abonnement may use. */
@Service
class Kanalen {

    private final KanaalStore store;

    Kanalen(KanaalStore store) {
        this.store = store;
    }

    List<KanaalStore.Kanaal> all(String naam) {
        return store.all().stream().filter(k -> naam == null || k.naam().equals(naam)).toList();
    }

    KanaalStore.Kanaal get(String uuid) {
        KanaalStore.Kanaal kanaal = store.byId(uuid);
        if (kanaal == null) {
            throw new NotFound("Geen kanaal met deze uuid");
        }
        return kanaal;
    }

    KanaalStore.Kanaal add(Caller caller, String naam, String documentatieLink, List<String> filters) {
        if (!caller.coordinator()) {
            throw new NotAllowed("Only coordinators register kanalen");
        }
        KanaalStore.Kanaal kanaal = new KanaalStore.Kanaal(UUID.randomUUID().toString(), naam, documentatieLink,
                filters == null ? List.of() : filters);
        if (!store.add(kanaal)) {
            throw new InvalidInput("naam", "a kanaal with this name exists");
        }
        return kanaal;
    }

    /**
     * The kanaal a notificatie is published on, after checking who publishes: nobody outside the
     * platform on the platform's own kanalen (their notificaties are its changes); coordinators on any
     * other; a municipality's or organisation's system only for itself where the kanaal has that
     * kenmerk (gemeente, organisatie). Every kenmerk must be one of the kanaal's filters.
     */
    KanaalStore.Kanaal forPublishing(Caller caller, String naam, Map<String, String> kenmerken) {
        KanaalStore.Kanaal kanaal = store.byName(naam);
        if (kanaal == null) {
            throw new InvalidInput("kanaal", "no kanaal with this name; see GET kanaal");
        }
        List<InvalidInput.Param> invalid = new ArrayList<>();
        for (String key : kenmerken.keySet()) {
            if (!kanaal.filters().contains(key)) {
                invalid.add(new InvalidInput.Param("kenmerken." + key, "kanaal " + naam + " has the kenmerken " + kanaal.filters()));
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidInput(invalid);
        }
        if (nl.mantelzorgthuis.notificationservice.webhook.domain.Kanalen.BUILT_IN.containsKey(naam)) {
            throw new NotAllowed("Kanaal " + naam + " carries the platform's own changes; nobody publishes on it");
        }
        if (caller.coordinator()) {
            return kanaal;
        }
        if (caller.roles().contains("MUNICIPAL_SYSTEM")) {
            requireOwn(kanaal, kenmerken, "gemeente", caller.municipality());
            return kanaal;
        }
        if (caller.roles().contains("ORGANISATION_SYSTEM")) {
            requireOwn(kanaal, kenmerken, "organisatie", caller.organisation());
            return kanaal;
        }
        throw new NotAllowed("Only coordinators and the systems of municipalities and organisations publish notificaties");
    }

    private static void requireOwn(KanaalStore.Kanaal kanaal, Map<String, String> kenmerken, String kenmerk, String own) {
        if (!kanaal.filters().contains(kenmerk)) {
            return;
        }
        String value = kenmerken.get(kenmerk);
        if (value == null || own == null || !java.util.Arrays.stream(value.split(" ")).allMatch(own::equals)) {
            throw new NotAllowed("A system publishes on kanaal " + kanaal.naam() + " only with its own " + kenmerk + " (" + own + ")");
        }
    }

    /** An abonnement's kanalen and filters as a subscription; each unknown kanaal or filter is named. */
    Subscription subscription(List<Subscription.KanaalFilter> groups) {
        List<InvalidInput.Param> invalid = new ArrayList<>();
        List<Subscription.KanaalFilter> filters = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Subscription.KanaalFilter group = groups.get(i);
            KanaalStore.Kanaal kanaal = store.byName(group.naam());
            if (kanaal == null) {
                invalid.add(new InvalidInput.Param("kanalen[" + i + "].naam", "no kanaal with this name; see GET kanaal"));
                continue;
            }
            Map<String, String> given = group.filters() == null ? Map.of() : group.filters();
            for (String key : given.keySet()) {
                if (!kanaal.filters().contains(key)) {
                    invalid.add(new InvalidInput.Param("kanalen[" + i + "].filters." + key,
                            "kanaal " + kanaal.naam() + " has the filters " + kanaal.filters()));
                }
            }
            filters.add(new Subscription.KanaalFilter(group.naam(), given));
        }
        if (!invalid.isEmpty()) {
            throw new InvalidInput(invalid);
        }
        return new Subscription(null, null, null, null, filters);
    }
}
