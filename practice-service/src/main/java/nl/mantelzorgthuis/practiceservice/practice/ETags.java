package nl.mantelzorgthuis.practiceservice.practice;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The practice version as a strong ETag, and If-Match parsing for optimistic concurrency. */
final class ETags {

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header asks for; null for "*". Missing is a 428, garbage a 400. */
    static Long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, PracticeNotFound.problem(
                    HttpStatus.PRECONDITION_REQUIRED, "If-Match required",
                    "This change needs an If-Match header with the ETag of the version you read (or *)"), null);
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
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, PracticeNotFound.problem(HttpStatus.BAD_REQUEST,
                    "Malformed If-Match", "If-Match '" + ifMatch + "' is not an ETag of this API; use the ETag of a GET"), e);
        }
    }
}
