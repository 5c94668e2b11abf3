package nl.mantelzorgthuis.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.h2.mvstore.MVStore;

/**
 * The H2 file backend with every write committed before it is acknowledged. H2's MVStore commits
 * on a delay (about a second), so writes acknowledged just before the store's process was killed
 * were lost (measured: practices answered 201, then 404 after the restart, while their events were
 * out). Here auto-commit is off, so there is no background writer, and each write command is
 * committed on the calling thread before its answer goes back: the operating system then keeps it
 * when the process dies.
 */
final class DurableH2Backend {

    /** The commands that change data or indexes (lower case: the wire protocol's names vary in case). */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "dropindexes", "drop", "dropdatabase", "create", "renamecollection");

    private DurableH2Backend() {
    }

    /** A backend proxy: the server hands it every message, it commits after each write. */
    static MongoBackend open(String file) {
        H2Backend backend = new H2Backend(new MVStore.Builder().fileName(file).autoCommitDisabled().open());
        return (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(), new Class<?>[] {MongoBackend.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(backend, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    String command = switch (method.getName()) {
                        case "handleMessage" -> firstKey(((MongoMessage) args[0]).getDocument());
                        case "handleCommand" -> (String) args[2];
                        default -> null;
                    };
                    if (command != null && WRITES.contains(command.toLowerCase(Locale.ROOT))) {
                        backend.commit();
                    }
                    return result;
                });
    }

    private static String firstKey(Document document) {
        return document.keySet().isEmpty() ? null : document.keySet().iterator().next();
    }
}
