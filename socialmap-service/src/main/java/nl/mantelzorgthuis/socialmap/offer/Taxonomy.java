package nl.mantelzorgthuis.socialmap.offer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The Dutch taxonomy of caregiver support, seeded as data (taxonomy/mantelzorg-taxonomy.json). */
@Component
public class Taxonomy {

    public record Term(String code, String parent, String name, String description, String iwmoProductCategory) {
    }

    public record Definition(String id, String name, String description, String version) {
    }

    record File(Definition taxonomy, List<Term> terms) {
    }

    private final File file;
    private final Set<String> codes;

    Taxonomy(JsonMapper json) {
        try (InputStream in = Taxonomy.class.getResourceAsStream("/taxonomy/mantelzorg-taxonomy.json")) {
            file = json.readValue(in, File.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        codes = file.terms().stream().map(Term::code).collect(Collectors.toUnmodifiableSet());
    }

    public Definition definition() {
        return file.taxonomy();
    }

    public List<Term> terms() {
        return file.terms();
    }

    public Set<String> codes() {
        return codes;
    }
}
