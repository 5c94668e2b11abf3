package nl.mantelzorgthuis.socialmap.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param directory where this replica keeps its search index files (memory-mapped, so the index lives
 *                  outside the Java heap); empty: a directory of its own under {@code java.io.tmpdir},
 *                  removed at shutdown. The index is rebuilt from the store at every start either way.
 * @param nrtCacheMb at most this much of the newest small segments (single changes since the last rebuild) is kept
 *                   on the heap instead of in files
 */
@ConfigurationProperties("socialmap.search")
public record SearchIndexProperties(
        @DefaultValue("") String directory,
        @DefaultValue("32") double nrtCacheMb) {
}
