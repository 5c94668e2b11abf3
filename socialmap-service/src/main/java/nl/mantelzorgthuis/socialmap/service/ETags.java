package nl.mantelzorgthuis.socialmap.service;

import org.springframework.http.HttpStatus;

/** The service version as a strong ETag, and If-Match parsing for optimistic concurrency. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header asks for; null for "*". Missing is a 428, garbage a 400. */
    public static Long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.of(HttpStatus.PRECONDITION_REQUIRED, "If-Match required",
                    "This change needs an If-Match header with the ETag of the version you read (or *)");
        }
        String value = ifMatch.trim();
        if (value.equals("*")) {
            return null;
        }
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "Malformed If-Match",
                    "If-Match '" + ifMatch + "' is not an ETag of this API; use the ETag of a GET");
        }
    }
}
