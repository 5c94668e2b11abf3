package nl.mantelzorgthuis.gateway.portal;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The portal (module {@code portal}, packed under META-INF/portal) from the gateway's own origin, so
 * the session cookie and CSRF token need no cross-origin rules. Hashed assets are cached for a year;
 * the page itself is revalidated every time, so a new release is seen at once. A deep link gets the
 * page (the portal routes in the browser); an unknown page gets it too, with a 404 status.
 */
@Configuration
class PortalPages {

    static final String ROOT = "META-INF/portal/";

    /** Paths of the portal's own pages; everything else that is not the platform's own is a 404 page. */
    static final List<String> PAGES = List.of("/", "/sociale-kaart", "/sociale-kaart/**", "/portaal", "/portaal/**",
            "/toegankelijkheid", "/inloggen");

    /** Paths that are never portal pages, whatever the browser accepts. */
    static final Set<String> PLATFORM = Set.of("api", "actuator", "oauth2", "login", "logout", "portal", "openapi", "fallback",
            "v3", "swagger-ui", "webjars");

    private final Resource index = new ClassPathResource(ROOT + "index.html");

    @Bean
    RouterFunction<ServerResponse> portalRoutes() {
        CacheControl page = CacheControl.noCache();
        RequestPredicate pages = PAGES.stream().map(p -> GET(p)).reduce(RequestPredicate::or).orElseThrow();
        return route(GET("/assets/{file}"), request -> file(request, "assets/", CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()))
                .andRoute(GET("/ontwerp/{file}").or(GET("/favicon.svg")), request -> file(request, "", CacheControl.maxAge(Duration.ofHours(1)).cachePublic()))
                .andRoute(pages, request -> page(request, HttpStatus.OK, page))
                .andRoute(GET("/**").and(PortalPages::unknownPageForABrowser), request -> page(request, HttpStatus.NOT_FOUND, page));
    }

    private Mono<ServerResponse> page(ServerRequest request, HttpStatus status, CacheControl cache) {
        if (!index.exists()) {
            return ServerResponse.notFound().build();
        }
        return send(request, ServerResponse.status(status), "index.html", index, MediaType.TEXT_HTML, cache);
    }

    /**
     * The file as the browser accepts it: the build made a Brotli and a gzip copy of every text asset,
     * so nothing is compressed per request.
     */
    private static Mono<ServerResponse> send(ServerRequest request, ServerResponse.BodyBuilder response, String name, Resource plain,
            MediaType type, CacheControl cache) {
        String accepted = String.join(",", request.headers().header(HttpHeaders.ACCEPT_ENCODING));
        response.contentType(type).cacheControl(cache).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        for (String[] encoding : new String[][] {{"br", ".br"}, {"gzip", ".gz"}}) {
            Resource compressed = new ClassPathResource(ROOT + name + encoding[1]);
            if (accepted.contains(encoding[0]) && compressed.exists()) {
                return response.header(HttpHeaders.CONTENT_ENCODING, encoding[0]).bodyValue(compressed);
            }
        }
        return response.bodyValue(plain);
    }

    private static Mono<ServerResponse> file(ServerRequest request, String folder, CacheControl cache) {
        String path = request.path().substring(1);
        String name = folder.isEmpty() ? path : folder + request.pathVariable("file");
        // One path segment of plain characters: the firewall already refuses "..", this keeps it so.
        if (!name.matches("[A-Za-z0-9._/-]+") || name.contains("..")) {
            return ServerResponse.notFound().build();
        }
        Resource resource = new ClassPathResource(ROOT + name);
        if (!resource.exists()) {
            return ServerResponse.notFound().build();
        }
        MediaType type = org.springframework.http.MediaTypeFactory.getMediaType(resource).orElse(MediaType.APPLICATION_OCTET_STREAM);
        return send(request, ServerResponse.ok(), name, resource, type, cache);
    }

    /** A browser asking for a page the portal does not have: it gets the portal's Dutch "not found" page. */
    private static boolean unknownPageForABrowser(ServerRequest request) {
        String path = request.path();
        String first = path.length() > 1 ? path.substring(1).split("/", 2)[0] : "";
        boolean html = request.headers().accept().stream().anyMatch(MediaType.TEXT_HTML::isCompatibleWith)
                && request.headers().accept().stream().noneMatch(MediaType.ALL::equals);
        return html && !PLATFORM.contains(first) && !first.contains(".");
    }
}
