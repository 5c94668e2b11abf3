package nl.mantelzorgthuis.platform;

import java.nio.file.Path;

import nl.mantelzorgthuis.testsupport.MongoStore;

/** The local platform's store in a process of its own, for a test that kills it. */
public final class StoreProcess {

    private StoreProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        MongoStore store = MongoStore.persistent(Path.of(args[0]), Integer.parseInt(args[1])).start();
        System.out.println("READY " + store.uri("x"));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
