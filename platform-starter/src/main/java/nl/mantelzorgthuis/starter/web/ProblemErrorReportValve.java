package nl.mantelzorgthuis.starter.web;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import nl.mantelzorgthuis.starter.problem.ProblemResponses;
import org.springframework.http.HttpStatus;

/**
 * What Tomcat refuses before the application sees it (an encoded NUL in the path, a malformed request
 * line) is answered as problem+json too, instead of Tomcat's HTML error page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        HttpStatus resolved = HttpStatus.resolve(status);
        if (resolved == null) {
            return;
        }
        try {
            ProblemResponses.write(response, resolved, resolved.getReasonPhrase(), resolved.is5xxServerError()
                    ? "Something went wrong on our side"
                    : "The request could not be read: " + resolved.getReasonPhrase().toLowerCase(java.util.Locale.ROOT));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the connection is gone; nothing to tell
        }
    }
}
