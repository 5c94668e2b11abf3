package nl.mantelzorgthuis.platform;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import nl.mantelzorgthuis.testsupport.DemoSocialMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for PDOK Locatieserver's "free" search, in its answer format, for the local platform
 * without internet: it knows the names of the demo municipalities (and their main towns) only, and
 * marks every answer as coming from the demo gazetteer. Postcodes need PDOK (socialmap.geocoder.url).
 */
final class DemoGazetteer implements HttpHandler {

    static final String PATH = "/demo-gazetteer/free";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Main towns people search by whose municipality has another name. */
    private static final Map<String, String> TOWNS = Map.of("emmeloord", "GM0171", "den bosch", "GM0796", "boxmeer", "GM1982",
            "cuijk", "GM1982", "horst", "GM1507", "wezep", "GM0269");

    private final Map<String, DemoSocialMap.Municipality> byName = new HashMap<>();

    DemoGazetteer() {
        Map<String, DemoSocialMap.Municipality> byCode = new HashMap<>();
        for (DemoSocialMap.Municipality m : DemoSocialMap.municipalities()) {
            byName.put(m.name().toLowerCase(Locale.ROOT), m);
            byCode.put(m.code(), m);
        }
        TOWNS.forEach((town, code) -> {
            if (byCode.containsKey(code)) {
                byName.put(town, byCode.get(code));
            }
        });
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String q = query.getOrDefault("q", "").trim().toLowerCase(Locale.ROOT);
        boolean postcode = query.getOrDefault("fq", "").contains("postcode");
        DemoSocialMap.Municipality found = postcode ? null : byName.get(q);
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode response = answer.putObject("response");
        response.put("numFound", found == null ? 0 : 1).put("start", 0);
        var docs = response.putArray("docs");
        if (found != null) {
            docs.addObject().put("type", "gemeente")
                    .put("weergavenaam", found.name() + " (demo-gazetteer, niet PDOK)")
                    .put("centroide_ll", "POINT(" + found.longitude() + " " + found.latitude() + ")")
                    .put("gemeentecode", found.code().substring(2));
        }
        byte[] body = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }
}
