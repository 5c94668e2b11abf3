package nl.mantelzorgthuis.socialmap.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Where a replica's search index lives: memory-mapped files, not a ByteBuffersDirectory, which kept the
 * index on the heap (~80 MB of a 194 MB live heap at 100,000 entries) and copied a list of its buffers for
 * every input it opened (about a tenth of what a search allocated); both drove the collections behind the
 * search tail. Without a configured directory the replica makes one of its own and removes it when closed.
 */
final class IndexDirectory implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(IndexDirectory.class);
    static final String PREFIX = "socialmap-index-";

    private final Path path;
    private final boolean own;
    private final Directory lucene;

    private IndexDirectory(Path path, boolean own, double nrtCacheMb) throws IOException {
        this.path = path;
        this.own = own;
        // Files up to a quarter of the cache written by one flush or merge stay in memory until the next commit.
        this.lucene = new NRTCachingDirectory(new MMapDirectory(path), nrtCacheMb / 4, nrtCacheMb);
    }

    static IndexDirectory open(SearchIndexProperties properties) throws IOException {
        if (!properties.directory().isBlank()) {
            return new IndexDirectory(Path.of(properties.directory()), false, properties.nrtCacheMb());
        }
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        removeAbandoned(temp);
        return new IndexDirectory(Files.createTempDirectory(temp, PREFIX), true, properties.nrtCacheMb());
    }

    Directory lucene() {
        return lucene;
    }

    Path path() {
        return path;
    }

    /**
     * Removes the directories of replicas that ended without closing theirs (killed). Their write lock is an
     * operating-system lock, free once its process is gone, so a lock this process can take is abandoned.
     * Only directories older than a minute: a replica starting beside this one may not hold its lock yet.
     */
    static void removeAbandoned(Path temp) {
        Instant settled = Instant.now().minusSeconds(60);
        try (Stream<Path> candidates = Files.list(temp)) {
            candidates.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p) && modifiedBefore(p, settled))
                    .filter(IndexDirectory::abandoned)
                    .forEach(gone -> {
                        try {
                            FileSystemUtils.deleteRecursively(gone);
                            log.info("Removed the search index directory {} of a replica that is gone", gone);
                        } catch (IOException e) {
                            log.warn("Could not remove the search index directory {}: {}", gone, e.toString());
                        }
                    });
        } catch (IOException e) {
            log.warn("Could not look for abandoned search index directories in {}: {}", temp, e.toString());
        }
    }

    private static boolean abandoned(Path candidate) {
        try (Directory old = FSDirectory.open(candidate); Lock lock = old.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            return true;
        } catch (LockObtainFailedException inUse) {
            return false;
        } catch (IOException e) {
            log.warn("Could not check the search index directory {}: {}", candidate, e.toString());
            return false;
        }
    }

    private static boolean modifiedBefore(Path path, Instant instant) {
        try {
            return Files.getLastModifiedTime(path).toInstant().isBefore(instant);
        } catch (IOException gone) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lucene.close();
        } finally {
            if (own) {
                FileSystemUtils.deleteRecursively(path);
            }
        }
    }
}
