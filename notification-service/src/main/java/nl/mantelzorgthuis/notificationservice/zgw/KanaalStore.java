package nl.mantelzorgthuis.notificationservice.zgw;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import nl.mantelzorgthuis.notificationservice.webhook.domain.Kanalen;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The platform's own kanalen (one per source domain) and those registered through the API. */
@Component
class KanaalStore {

    static final String COLLECTION = "kanalen";

    record Kanaal(String id, String naam, String documentatieLink, List<String> filters) {
    }

    private final MongoTemplate mongo;

    KanaalStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    List<Kanaal> all() {
        List<Kanaal> all = new ArrayList<>();
        Kanalen.BUILT_IN.forEach((naam, filters) -> all.add(builtIn(naam, filters)));
        all.addAll(mongo.findAll(Kanaal.class, COLLECTION));
        all.sort(Comparator.comparing(Kanaal::naam));
        return all;
    }

    Kanaal byName(String naam) {
        return all().stream().filter(k -> k.naam().equals(naam)).findFirst().orElse(null);
    }

    Kanaal byId(String id) {
        return all().stream().filter(k -> k.id().equals(id)).findFirst().orElse(null);
    }

    /** False when the name is taken (a kanaal is unique in name). */
    boolean add(Kanaal kanaal) {
        if (byName(kanaal.naam()) != null) {
            return false;
        }
        try {
            mongo.insert(kanaal, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static Kanaal builtIn(String naam, List<String> filters) {
        return new Kanaal(UUID.nameUUIDFromBytes(("kanaal:" + naam).getBytes(StandardCharsets.UTF_8)).toString(), naam,
                "https://github.com/in-voor-mantelzorg-thuis/platform/blob/main/docs/events.md", filters);
    }
}
