package nl.mantelzorgthuis.socialmap.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class OfferIndexDirectoryTest {

    @TempDir
    Path temp;

    private static OfferIndex index(String directory) {
        return new OfferIndex(JsonMapper.builder().build(), Clock.systemUTC(), new SimpleMeterRegistry(),
                new SearchIndexProperties(directory, 8));
    }

    @Test
    void keeps_its_files_in_a_directory_of_its_own_removed_at_shutdown() throws Exception {
        OfferIndex index = index("");
        Path path = index.path();
        assertThat(path.getFileName().toString()).startsWith("socialmap-index-");
        assertThat(path).isDirectory().isNotEmptyDirectory();

        index.close();

        assertThat(path).doesNotExist();
    }

    @Test
    void replaces_an_index_left_in_a_configured_directory_and_leaves_the_directory_at_shutdown() throws Exception {
        Path configured = Files.createDirectory(temp.resolve("index"));
        Files.writeString(configured.resolve("notes.txt"), "not Lucene's");
        try (IndexWriter earlier = new IndexWriter(FSDirectory.open(configured), new IndexWriterConfig())) {
            Document left = new Document();
            left.add(new StringField("id", "left-by-an-earlier-process", Field.Store.NO));
            earlier.addDocument(left);
            earlier.commit();
        }

        OfferIndex index = index(configured.toString());
        index.close();

        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(configured))) {
            assertThat(reader.numDocs()).isZero();
        }
        assertThat(configured.resolve("notes.txt")).exists();
    }

    @Test
    void removes_directories_of_replicas_that_are_gone_but_not_of_those_still_running() throws Exception {
        Path gone = Files.createDirectory(temp.resolve("socialmap-index-gone"));
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(gone), new IndexWriterConfig())) {
            writer.commit();
        }
        Path running = Files.createDirectory(temp.resolve("socialmap-index-running"));
        Path starting = Files.createDirectory(temp.resolve("socialmap-index-starting"));
        Path unrelated = Files.createDirectory(temp.resolve("something-else"));
        FileTime longAgo = FileTime.from(Instant.now().minusSeconds(3600));
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(running), new IndexWriterConfig())) {
            for (Path path : new Path[] {gone, running, unrelated}) {
                Files.setLastModifiedTime(path, longAgo);
            }

            IndexDirectory.removeAbandoned(temp);

            assertThat(gone).doesNotExist();
            assertThat(running).exists();
            assertThat(starting).exists(); // made just now: its replica may not hold the lock yet
            assertThat(unrelated).exists();
        }
    }
}
