package nl.mantelzorgthuis.socialmap.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param directory where this replica keeps its search index files (memory-mapped, so the index lives
 *                  outside the Java heap); empty: a directory of its own under {@code java.io.tmpdir},
 *                  removed at shutdown. The index is rebuilt from the store at every start either way.
 * @param nrtCacheMb the newest small segments (single changes) kept in memory before they reach a file
 */
@ConfigurationProperties("socialmap.search")
public record SearchIndexProperties(
        @DefaultValue("") String directory,
        @DefaultValue("32") double nrtCacheMb) {
}
