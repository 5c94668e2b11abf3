package nl.mantelzorgthuis.experimentservice.experiment;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import nl.mantelzorgthuis.experimentservice.events.OutboxEntry;
import nl.mantelzorgthuis.experimentservice.experiment.domain.Experiment;
import nl.mantelzorgthuis.experimentservice.experiment.domain.ExperimentStatus;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
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
    static final String AUDIT_FIELD = "audit";

    private final MongoTemplate mongo;

    ExperimentStore(MongoTemplate mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on(OutboxEntry.FLAG_FIELD, Sort.Direction.ASC));
        indexes.createIndex(new Index().on("practiceId", Sort.Direction.ASC).on("status", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("adoptedFrom.experimentId", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("title", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
    }

    void insert(Experiment experiment, OutboxEntry event, AuditEntry audit) {
        Document doc = toDocument(experiment);
        doc.put(AUDIT_FIELD, List.of(toDocument(audit)));
        doc.put(OutboxEntry.PENDING_FIELD, List.of(event.toDocument()));
        doc.put(OutboxEntry.FLAG_FIELD, true);
        mongo.getCollection(COLLECTION).insertOne(doc);
    }

    /** Stores {@code next} only if the stored experiment is still at {@code expectedVersion}. */
    boolean replace(Experiment next, long expectedVersion, OutboxEntry event, AuditEntry audit) {
        Document doc = toDocument(next);
        doc.remove("_id");
        Update update = new Update();
        doc.forEach(update::set);
        // Fields that became null must go, or the old value would survive the replace.
        for (String field : List.of("goal", "designQuestion", "startDate", "endDate", "stopReason", "adoptedFrom")) {
            if (!doc.containsKey(field)) {
                update.unset(field);
            }
        }
        update.push(OutboxEntry.PENDING_FIELD, event.toDocument());
        update.push(AUDIT_FIELD, toDocument(audit));
        update.set(OutboxEntry.FLAG_FIELD, true);
        var result = mongo.updateFirst(
                Query.query(where("_id").is(next.id()).and("version").is(expectedVersion)), update, COLLECTION);
        return result.getMatchedCount() == 1;
    }

    Optional<Experiment> find(String id) {
        return Optional.ofNullable(mongo.findOne(withoutBookkeeping(Query.query(where("_id").is(id))), Experiment.class, COLLECTION));
    }

    Optional<List<AuditEntry>> audit(String id) {
        Query query = Query.query(where("_id").is(id));
        query.fields().include(AUDIT_FIELD);
        Document doc = mongo.findOne(query, Document.class, COLLECTION);
        return Optional.ofNullable(doc).map(d -> d.getList(AUDIT_FIELD, Document.class, List.of()).stream()
                .map(a -> mongo.getConverter().read(AuditEntry.class, a)).toList());
    }

    /** Where an experiment was adopted: derived from the copies' links, so it can never drift from them. */
    List<ExperimentSummary> adoptionsOf(String id) {
        Query query = Query.query(where("adoptedFrom.experimentId").is(id)).with(Sort.by("createdAt", "_id"));
        query.fields().include(ExperimentSummary.FIELDS);
        return mongo.find(query, ExperimentSummary.class, COLLECTION);
    }

    /** Ids of the experiments of a practice that are not final yet. */
    List<String> unfinishedOf(String practiceId) {
        Query query = Query.query(where("practiceId").is(practiceId)
                .and("status").nin(ExperimentStatus.COMPLETED.name(), ExperimentStatus.STOPPED.name()));
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    ExperimentPage search(ExperimentSearch search) {
        Query query = query(search);
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by("title", "_id")).skip((long) search.page() * search.pageSize()).limit(search.pageSize());
        query.fields().include(ExperimentSummary.FIELDS);
        List<ExperimentSummary> items = mongo.find(query, ExperimentSummary.class, COLLECTION);
        int pages = (int) ((total + search.pageSize() - 1) / search.pageSize());
        return new ExperimentPage(items, new ExperimentPage.PageInfo(search.page(), search.pageSize(), total, pages));
    }

    /** Every match, in batches, for exports and summaries. */
    void forEach(ExperimentSearch search, Consumer<ExperimentSummary> action) {
        Query query = query(search).with(Sort.by("practiceName", "title", "_id"));
        query.fields().include(ExperimentSummary.FIELDS);
        mongo.stream(query, ExperimentSummary.class, COLLECTION).forEach(action);
    }

    private static Query query(ExperimentSearch search) {
        List<Criteria> criteria = new ArrayList<>();
        if (search.practiceId() != null) {
            criteria.add(where("practiceId").is(search.practiceId()));
        }
        if (search.level() != null) {
            criteria.add(where("level").is(search.level().name()));
        }
        if (search.outcome() != null) {
            criteria.add(where("outcomes").is(search.outcome().name()));
        }
        if (search.status() != null) {
            criteria.add(where("status").is(search.status().name()));
        }
        if (search.phase() != null) {
            criteria.add(where("phase").is(search.phase().name()));
        }
        if (search.organisation() != null) {
            criteria.add(where("organisations").regex(Pattern.compile("^" + Pattern.quote(search.organisation().trim()) + "$",
                    Pattern.CASE_INSENSITIVE)));
        }
        if (search.adoptedFrom() != null) {
            criteria.add(where("adoptedFrom.experimentId").is(search.adoptedFrom()));
        }
        if (search.text() != null) {
            // $regex, not $text: the embedded store has no text index; lessons are searched as well.
            Pattern contains = Pattern.compile(Pattern.quote(search.text().trim()), Pattern.CASE_INSENSITIVE);
            criteria.add(new Criteria().orOperator(where("title").regex(contains), where("goal").regex(contains),
                    where("designQuestion").regex(contains), where("lessons.text").regex(contains)));
        }
        return criteria.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(criteria));
    }

    /** The outbox and the audit trail travel in the document but are not part of the experiment. */
    private static Query withoutBookkeeping(Query query) {
        query.fields().exclude(AUDIT_FIELD).exclude(OutboxEntry.PENDING_FIELD);
        return query;
    }

    private Document toDocument(Object value) {
        Document doc = new Document();
        mongo.getConverter().write(value, doc);
        doc.remove("_class");
        return doc;
    }
}
