package nl.mantelzorgthuis.starter.problem;

import java.util.List;

import org.springframework.http.ETag;

/**
 * An aggregate's version as a strong ETag, and If-Match for optimistic concurrency, with Spring's
 * {@link ETag} parser. Every operation that takes If-Match answers 428 without it and 412 when stale.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return ETag.create(Long.toString(version)).formattedTag();
    }

    /** The version an If-Match header asks for; null for "*". Missing is a 428, anything but one version a 400. */
    public static Long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new Problem.PreconditionRequired("If-Match required",
                    "This change needs an If-Match header with the ETag of the version you read (or *)");
        }
        // One version only: a list (comma) is refused rather than read leniently.
        List<ETag> tags = ifMatch.contains(",") ? List.of() : ETag.parse(ifMatch.trim());
        if (tags.size() == 1 && tags.getFirst().isWildcard()) {
            return null;
        }
        try {
            if (tags.size() != 1) {
                throw new NumberFormatException();
            }
            return Long.parseLong(tags.getFirst().tag());
        } catch (NumberFormatException e) {
            throw new Problem.BadRequest("Malformed If-Match",
                    "If-Match '" + ifMatch + "' is not an ETag of this API; use the ETag of a GET");
        }
    }

    /** The client's copy (If-Match) is older than the stored aggregate: someone else changed it first. */
    public static Problem.PreconditionFailed stale(String what, String id, long expected, long current) {
        return new Problem.PreconditionFailed(what + " was changed by someone else",
                what + " " + id + " is at version " + current + ", the request expected version " + expected
                        + "; fetch it again and reapply the change");
    }
}
