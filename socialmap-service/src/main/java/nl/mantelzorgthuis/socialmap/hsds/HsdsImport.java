package nl.mantelzorgthuis.socialmap.hsds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.mantelzorgthuis.socialmap.offer.Offers;
import nl.mantelzorgthuis.socialmap.offer.Taxonomy;
import nl.mantelzorgthuis.socialmap.offer.domain.Caller;
import nl.mantelzorgthuis.socialmap.offer.domain.OfferDetails;
import nl.mantelzorgthuis.starter.problem.Problem;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The coordinators' import of HSDS JSON and tabular data packages: the filter chain refuses other
 * callers before a byte of the upload is read (OfferAccessRules), the package is read within
 * {@link UploadLimits}, and every refused record is reported with its place; {@link Offers#importEntries}
 * applies the domain's rule on who may import.
 */
@Service
class HsdsImport {

    private final Offers offers;
    private final Taxonomy taxonomy;
    private final UploadLimits limits;

    HsdsImport(Offers offers, Taxonomy taxonomy, UploadLimits limits) {
        this.offers = offers;
        this.taxonomy = taxonomy;
        this.limits = limits;
    }

    Offers.ImportResult json(Caller caller, JsonNode body) {
        if (!body.isArray()) {
            throw new Problem.BadRequest("Not a list of services", "Send a JSON array of HSDS service objects");
        }
        Map<String, OfferDetails> read = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode service = body.get(i);
            String id = service.path("id").asString("");
            try {
                if (!id.matches("[0-9a-fA-F-]{36}")) {
                    throw new IllegalArgumentException("needs an id (UUID)");
                }
                read.put(id, Hsds.details(service, taxonomy));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                errors.add("services[" + i + "] (service " + id + "): " + e.getMessage());
            }
        }
        return offers.importEntries(caller, read, errors);
    }

    Offers.ImportResult dataPackage(Caller caller, byte[] zip) {
        DataPackage.Read read;
        try {
            read = DataPackage.read(new ByteArrayInputStream(zip), taxonomy, limits);
        } catch (BoundedZip.TooLarge e) {
            throw new Problem.ContentTooLarge("Data package too large", "The data package is refused: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new Problem.BadRequest("Unreadable data package",
                    "The body is not a readable HSDS tabular data package (a zip of CSV files): " + e.getMessage());
        }
        return offers.importEntries(caller, read.services(), read.errors());
    }
}
