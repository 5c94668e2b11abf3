package nl.mantelzorgthuis.experimentservice.experiment;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import nl.mantelzorgthuis.experimentservice.experiment.domain.Experiment;
import nl.mantelzorgthuis.experimentservice.experiment.domain.ExperimentStatus;
import nl.mantelzorgthuis.starter.audit.AuditPage;
import nl.mantelzorgthuis.starter.audit.AuditTrail;
import nl.mantelzorgthuis.starter.outbox.OutboxEntry;
import nl.mantelzorgthuis.starter.outbox.OutboxWrites;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Experiments in MongoDB, one document each with its cycles and measures. Each write stores the new
 * state, its event ({@code pendingEvents}) and its audit entry in one single-document write: no
 * multi-document transaction (the embedded store has none), and nothing accepted loses its event.
 */
@Component
public class ExperimentStore {

    public static final String COLLECTION = "experiments";

    private final MongoTemplate mongo;
    private final AuditTrail audits;

    ExperimentStore(MongoTemplate mongo, AuditTrail audits) {
        this.mongo = mongo;
        this.audits = audits;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on(OutboxEntry.FLAG_FIELD, Sort.Direction.ASC));
        indexes.createIndex(new Index().on("practiceId", Sort.Direction.ASC).on("status", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("updatedAt", Sort.Direction.ASC));
    }

    void insert(Experiment experiment, OutboxEntry event, AuditEntry audit) {
        mongo.getCollection(COLLECTION).insertOne(OutboxWrites.withEvent(audits.withFirst(toDocument(experiment), audit), event));
        audits.settleQuietly(COLLECTION, experiment.id());
    }

    /** Stores {@code next} only if the stored experiment is still at {@code expectedVersion}. */
    boolean replace(Experiment next, long expectedVersion, OutboxEntry event, AuditEntry audit) {
        Update update = OutboxWrites.replacing(toDocument(next), Experiment.class, event);
        var result = mongo.updateFirst(
                OutboxWrites.atVersion(next.id(), expectedVersion), audits.recording(update, audit), COLLECTION);
        if (result.getMatchedCount() != 1) {
            return false;
        }
        audits.settleQuietly(COLLECTION, next.id());
        return true;
    }

    Optional<Experiment> find(String id) {
        return Optional.ofNullable(mongo.findOne(withoutBookkeeping(Query.query(where("_id").is(id))), Experiment.class, COLLECTION));
    }

    /** The stored version alone: a cheap check whether something computed from an experiment is still current. */
    Optional<Long> version(String id) {
        Query query = Query.query(where("_id").is(id));
        query.fields().include("version");
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(d -> d.get("version", Number.class).longValue());
    }

    Optional<AuditPage<AuditEntry>> audit(String id, int page, int pageSize) {
        return audits.read(COLLECTION, Query.query(where("_id").is(id)), AuditEntry.class, page, pageSize);
    }

    /** Ids of the experiments of a practice that are not final yet. */
    List<String> unfinishedOf(String practiceId) {
        Query query = Query.query(where("practiceId").is(practiceId)
                .and("status").nin(ExperimentStatus.COMPLETED.name(), ExperimentStatus.STOPPED.name()));
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    /** Summaries of the experiments written since {@code since} (all of them for the epoch), for the catalogue. */
    void changedSince(Instant since, Consumer<ExperimentSummary> action) {
        Query query = since.equals(Instant.EPOCH) ? new Query() : Query.query(where("updatedAt").gte(since));
        query.fields().include(ExperimentSummary.FIELDS);
        // Batches, because the embedded store otherwise sends everything in one reply (driver limit 48 MB).
        query.cursorBatchSize(1000);
        mongo.stream(query, ExperimentSummary.class, COLLECTION).forEach(action);
    }

    /** The outbox and the audit trail travel in the document but are not part of the experiment. */
    private static Query withoutBookkeeping(Query query) {
        query.fields().exclude(AuditTrail.PENDING_FIELD).exclude(AuditTrail.LEGACY_FIELD).exclude(OutboxEntry.PENDING_FIELD);
        return query;
    }

    private Document toDocument(Object value) {
        Document doc = new Document();
        mongo.getConverter().write(value, doc);
        doc.remove("_class");
        return doc;
    }
}
