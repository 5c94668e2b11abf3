package nl.mantelzorgthuis.socialmap.hsds;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a data package upload may expand to ({@code socialmap.import.*}), so a small hostile zip
 * cannot exhaust the service's memory: the number of entries, the size of one entry and of all of
 * them after decompression, and how far an entry may expand relative to its compressed size.
 *
 * @param maxEntries         files in the zip
 * @param maxEntryBytes      bytes of one file after decompression
 * @param maxTotalBytes      bytes of all files after decompression
 * @param maxCompressionRatio decompressed bytes per compressed byte of one file (HSDS CSV compresses about 5-10x)
 */
@ConfigurationProperties("socialmap.import")
public record UploadLimits(
        @DefaultValue("64") int maxEntries,
        @DefaultValue("33554432") long maxEntryBytes,
        @DefaultValue("67108864") long maxTotalBytes,
        @DefaultValue("100") int maxCompressionRatio) {
}
