package nl.mantelzorgthuis.socialmap.hsds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;

/**
 * Reads zip entries within {@link UploadLimits}, counting the bytes as they are inflated rather than
 * trusting the sizes the archive declares (a zip bomb lies about them).
 */
final class BoundedZip {

    /** The archive goes beyond a limit: answered 413. */
    static final class TooLarge extends RuntimeException {
        TooLarge(String reason) {
            super(reason);
        }
    }

    private final UploadLimits limits;
    private int entries;
    private long total;

    BoundedZip(UploadLimits limits) {
        this.limits = limits;
    }

    void nextEntry(ZipEntry entry) {
        if (++entries > limits.maxEntries()) {
            throw new TooLarge("the package has more than " + limits.maxEntries() + " files");
        }
    }

    byte[] read(InputStream zip, ZipEntry entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long size = 0;
        for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
            size += n;
            total += n;
            if (size > limits.maxEntryBytes()) {
                throw new TooLarge(entry.getName() + " expands to more than " + limits.maxEntryBytes() + " bytes");
            }
            if (total > limits.maxTotalBytes()) {
                throw new TooLarge("the package expands to more than " + limits.maxTotalBytes() + " bytes");
            }
            long compressed = entry.getCompressedSize();
            // Small files may compress well by nature; the ratio only counts past the first megabyte.
            if (compressed > 0 && size > 1 << 20 && size / compressed > limits.maxCompressionRatio()) {
                throw new TooLarge(entry.getName() + " expands more than " + limits.maxCompressionRatio() + " times");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
