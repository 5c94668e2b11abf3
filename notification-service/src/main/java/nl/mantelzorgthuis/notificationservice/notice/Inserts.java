package nl.mantelzorgthuis.notificationservice.notice;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

/**
 * Inserts documents whose ids are derived from what they record (event, endpoint, person), so an
 * event processed twice writes nothing new: the unique index is the deduplication, there is no
 * check-then-insert. Returns the documents that were new.
 */
public final class Inserts {

    private Inserts() {
    }

    public static List<Document> insertNew(MongoCollection<Document> collection, List<Document> documents) {
        if (documents.isEmpty()) {
            return List.of();
        }
        Set<Integer> duplicates = new HashSet<>();
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                duplicates.add(error.getIndex());
            }
            if (duplicates.isEmpty()) {
                throw e;
            }
            // Some stores stop at the first error even when unordered: insert the rest one by one.
            if (e.getWriteResult().getInsertedCount() + duplicates.size() < documents.size()) {
                return oneByOne(collection, documents);
            }
        }
        List<Document> inserted = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            if (!duplicates.contains(i)) {
                inserted.add(documents.get(i));
            }
        }
        return inserted;
    }

    private static List<Document> oneByOne(MongoCollection<Document> collection, List<Document> documents) {
        List<Document> inserted = new ArrayList<>();
        for (Document document : documents) {
            try {
                collection.insertOne(document);
                inserted.add(document);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
        // Documents inserted by the failed bulk call count as new only once: the caller may see
        // some of them as duplicates here, which is the safe side (no second delivery is started).
        return inserted;
    }
}
