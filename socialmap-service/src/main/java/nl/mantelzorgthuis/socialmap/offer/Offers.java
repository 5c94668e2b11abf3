package nl.mantelzorgthuis.socialmap.offer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.mantelzorgthuis.starter.audit.AuditPage;
import nl.mantelzorgthuis.starter.outbox.OutboxRelay;
import nl.mantelzorgthuis.socialmap.offer.OfferChange;
import nl.mantelzorgthuis.socialmap.offer.OfferEvents;
import nl.mantelzorgthuis.socialmap.search.OfferIndex;
import nl.mantelzorgthuis.socialmap.offer.domain.Caller;
import nl.mantelzorgthuis.socialmap.offer.domain.OfferAccess;
import nl.mantelzorgthuis.socialmap.offer.domain.OfferDetails;
import nl.mantelzorgthuis.socialmap.offer.domain.Offer;
import nl.mantelzorgthuis.starter.problem.ETags;
import nl.mantelzorgthuis.starter.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** The social-map use cases: each accepted change is stored with its event and audit entry, then indexed. */
@Service
public class Offers {

    private static final Logger log = LoggerFactory.getLogger(Offers.class);

    private final OfferStore store;
    private final OfferIndex index;
    private final Taxonomy taxonomy;
    private final OfferEvents events;
    private final OutboxRelay relay;
    private final Clock clock;

    Offers(OfferStore store, OfferIndex index, Taxonomy taxonomy, OfferEvents events, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.index = index;
        this.taxonomy = taxonomy;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    /** The outcome of a municipality's bulk upsert: per external id, what happened. */
    public record UpsertResult(int created, int updated, int unchanged, List<String> ids) {
    }

    public Offer create(Caller caller, OfferDetails details, boolean demo) {
        OfferAccess.requireMayWrite(caller, null, details);
        String maintainedBy = caller.is(Caller.MUNICIPAL_SYSTEM) ? caller.municipality() : null;
        Offer entry = Offer.create(UUID.randomUUID().toString(), details, maintainedBy, caller.name(), demo,
                taxonomy.codes(), clock.instant());
        store.insert(entry, events.of(OfferChange.CREATED, entry), AuditEntry.of(caller, OfferChange.CREATED, 1, entry.updatedAt()));
        written(entry);
        log.info("Social-map entry {} created: {}", entry.id(), entry.name());
        return entry;
    }

    public Offer get(String id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    public Offer update(Caller caller, String id, Long expectedVersion, OfferDetails details) {
        Offer current = get(id);
        OfferAccess.requireMayWrite(caller, current, details);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw ETags.stale("Service", id, expectedVersion, current.version());
        }
        return replace(caller, current, current.update(details, caller.name(), taxonomy.codes(), clock.instant()), OfferChange.UPDATED);
    }

    /** Someone checked the entry and confirms it is still right: resets the verification clock. */
    public Offer verify(Caller caller, String id) {
        Offer current = get(id);
        OfferAccess.requireMayWrite(caller, current, null);
        return replace(caller, current, current.verify(caller.name(), clock.instant()), OfferChange.VERIFIED);
    }

    /**
     * A municipality's system sends its entries by external id: new ones are created, changed ones
     * updated, identical ones left alone, so sending the same batch twice changes nothing.
     */
    public UpsertResult upsert(Caller caller, String municipality, List<OfferDetails> batch) {
        if (!caller.is(Caller.MUNICIPAL_SYSTEM) || !municipality.equals(caller.municipality())) {
            throw new nl.mantelzorgthuis.socialmap.offer.domain.OfferAccessDenied(
                    "Only the system of municipality " + municipality + " may upsert its entries");
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<String> ids = new java.util.ArrayList<>();
        for (OfferDetails details : batch) {
            var existing = store.findMaintained(municipality, details.externalId());
            if (existing.isEmpty()) {
                try {
                    ids.add(create(caller, details, false).id());
                    created++;
                    continue;
                } catch (DuplicateKeyException | com.mongodb.MongoWriteException raced) {
                    existing = store.findMaintained(municipality, details.externalId());
                }
            }
            Offer current = existing.orElseThrow();
            ids.add(current.id());
            if (current.details().equals(details)) {
                unchanged++;
            } else {
                replace(caller, current, current.update(details, caller.name(), taxonomy.codes(), clock.instant()), OfferChange.UPDATED);
                updated++;
            }
        }
        return new UpsertResult(created, updated, unchanged, ids);
    }

    public int rebuildIndex() {
        try (var entries = store.all()) {
            return index.rebuild(entries);
        }
    }

    /** What an import did: per outcome how many entries, and every entry or row it refused with the reason. */
    public record ImportResult(int created, int updated, int unchanged, List<String> errors,
            @com.fasterxml.jackson.annotation.JsonIgnore java.util.Set<String> accepted,
            @com.fasterxml.jackson.annotation.JsonIgnore java.util.Set<String> unchangedIds) {

        /** The same outcome with entries whose HSDS records changed (but not what the entry keeps) counted as updated. */
        public ImportResult withRecordsChanged(java.util.Set<String> ids) {
            long moved = ids.stream().filter(unchangedIds::contains).count();
            return new ImportResult(created, updated + (int) moved, unchanged - (int) moved, errors, accepted, unchangedIds);
        }
    }

    /**
     * Loads entries read from an HSDS package (coordinators): new ids are created with the package's
     * id, known ones updated when they differ; an entry that breaks a rule is reported, the rest loaded.
     */
    public ImportResult importEntries(Caller caller, java.util.Map<String, OfferDetails> entries, List<String> readErrors) {
        if (!caller.is(Caller.COORDINATOR)) {
            throw new nl.mantelzorgthuis.socialmap.offer.domain.OfferAccessDenied("Only coordinators import data packages");
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<String> errors = new java.util.ArrayList<>(readErrors);
        java.util.Set<String> accepted = new java.util.LinkedHashSet<>();
        java.util.Set<String> unchangedIds = new java.util.HashSet<>();
        for (var item : entries.entrySet()) {
            try {
                var existing = store.find(item.getKey());
                if (existing.isEmpty()) {
                    Offer entry = Offer.create(item.getKey(), item.getValue(), null, caller.name(), false, taxonomy.codes(),
                            clock.instant());
                    store.insert(entry, events.of(OfferChange.CREATED, entry), AuditEntry.of(caller, OfferChange.CREATED, 1,
                            entry.updatedAt()));
                    written(entry);
                    created++;
                } else if (existing.get().details().equals(item.getValue())) {
                    unchanged++;
                    unchangedIds.add(item.getKey());
                } else {
                    replace(caller, existing.get(), existing.get().update(item.getValue(), caller.name(), taxonomy.codes(), clock.instant()),
                            OfferChange.UPDATED);
                    updated++;
                }
                accepted.add(item.getKey());
            } catch (nl.mantelzorgthuis.socialmap.offer.domain.OfferRuleViolation e) {
                errors.add("service " + item.getKey() + ": " + e.getMessage());
            }
        }
        return new ImportResult(created, updated, unchanged, errors, accepted, unchangedIds);
    }

    /** Every entry, for exports. */
    public List<Offer> all() {
        try (var entries = store.all()) {
            return entries.toList();
        }
    }

    public AuditPage<AuditEntry> audit(String id, int page, int pageSize) {
        return store.audit(id, page, pageSize).orElseThrow(() -> notFound(id));
    }

    public record UnverifiedPage(List<Offer> items, long totalElements, Instant verifiedBefore) {
    }

    public UnverifiedPage unverified(String organization, int page, int pageSize) {
        Instant cutoff = clock.instant().minus(Offer.VERIFICATION_PERIOD);
        return new UnverifiedPage(store.verifiedBefore(cutoff, organization, page, pageSize),
                store.countVerifiedBefore(cutoff, organization), cutoff);
    }

    public record OrganizationPage(List<Offer> items, long totalElements) {
    }

    public OrganizationPage ofOrganization(String organization, int page, int pageSize) {
        return new OrganizationPage(store.ofOrganization(organization, page, pageSize), store.countOfOrganization(organization));
    }

    private Offer replace(Caller caller, Offer current, Offer next, OfferChange change) {
        if (!store.replace(next, current.version(), events.of(change, next),
                AuditEntry.of(caller, change, next.version(), next.updatedAt()))) {
            throw ETags.stale("Service", current.id(), current.version(), get(current.id()).version());
        }
        written(next);
        return next;
    }

    private void written(Offer entry) {
        index.apply(entry);
        relay.wakeUp();
    }

    private static Problem.NotFound notFound(String id) {
        return new Problem.NotFound("Service not found", "No service with id " + id);
    }
}
