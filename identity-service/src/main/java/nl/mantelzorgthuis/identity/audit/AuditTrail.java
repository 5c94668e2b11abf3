package nl.mantelzorgthuis.identity.audit;

import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The audit trail kept inside each audited document (accounts, clients): created with its first
 * entry, extended by the same update that makes a change, read back on its own.
 */
@Component
public class AuditTrail {

    private final MongoTemplate mongo;

    AuditTrail(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Inserts {@code entity} with its first audit entry; false if a unique index already has it. */
    public boolean insert(String collection, Object entity, AuditEntry first) {
        Document doc = new Document();
        mongo.getConverter().write(entity, doc);
        doc.remove("_class");
        doc.put(AuditEntry.FIELD, List.of(document(first)));
        try {
            mongo.getCollection(collection).insertOne(doc);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Adds the entry to an update, so the change and its record are one write. */
    public Update recording(Update update, AuditEntry entry) {
        return update.push(AuditEntry.FIELD, document(entry));
    }

    public Optional<List<AuditEntry>> read(String collection, Query which) {
        which.fields().include(AuditEntry.FIELD);
        return Optional.ofNullable(mongo.findOne(which, Document.class, collection))
                .map(doc -> doc.getList(AuditEntry.FIELD, Document.class, List.of()).stream()
                        .map(a -> mongo.getConverter().read(AuditEntry.class, a)).toList());
    }

    private Document document(AuditEntry entry) {
        Document doc = new Document();
        mongo.getConverter().write(entry, doc);
        doc.remove("_class");
        return doc;
    }
}
