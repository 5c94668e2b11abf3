package nl.mantelzorgthuis.starter.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call which API path, as data: the resource-server filter chain is built from it, and the
 * OpenAPI document derives 401 and 403 from the same rules. The first rule that matches decides;
 * anything no rule names needs a valid token (or the roles of {@link Builder#otherwise}).
 */
public final class ApiAccess {

    /** What a call needs. */
    public enum Requirement {
        /** No token. */
        NONE,
        /** A valid token: without one 401. */
        TOKEN,
        /** A valid token with one of the roles: 401 without a token, 403 without the role. */
        ROLE
    }

    /** @param method null for every method; @param roles empty for a public path */
    public record Rule(HttpMethod method, List<String> patterns, Set<String> roles) {

        boolean matches(HttpMethod method, String path) {
            if (this.method != null && !this.method.equals(method)) {
                return false;
            }
            PathContainer container = PathContainer.parsePath(path);
            return patterns.stream().map(PathPatternParser.defaultInstance::parse).anyMatch(p -> p.matches(container));
        }
    }

    private final List<Rule> rules;
    private final Set<String> otherwise;

    private ApiAccess(List<Rule> rules, Set<String> otherwise) {
        this.rules = List.copyOf(rules);
        this.otherwise = Set.copyOf(otherwise);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The roles a path no rule names needs; empty: a valid token is enough. */
    public Set<String> otherwise() {
        return otherwise;
    }

    /** What a call to a concrete path or an OpenAPI path template ({@code /x/{id}}) needs. */
    public Requirement requirement(HttpMethod method, String pathOrTemplate) {
        String path = pathOrTemplate.replaceAll("\\{[^}/]+}", "x");
        for (Rule rule : rules) {
            if (rule.matches(method, path)) {
                return rule.roles().isEmpty() ? Requirement.NONE : Requirement.ROLE;
            }
        }
        return otherwise.isEmpty() ? Requirement.TOKEN : Requirement.ROLE;
    }

    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();
        private Set<String> otherwise = Set.of();

        /** Open to everyone, no token (method null: every method). */
        public Builder open(HttpMethod method, String... patterns) {
            rules.add(new Rule(method, List.of(patterns), Set.of()));
            return this;
        }

        /** Only for tokens with one of the roles (without the {@code ROLE_} prefix). */
        public Builder roles(HttpMethod method, Set<String> roles, String... patterns) {
            if (roles.isEmpty()) {
                throw new IllegalArgumentException("roles(...) needs at least one role; use open(...) for public paths");
            }
            rules.add(new Rule(method, List.of(patterns), Set.copyOf(roles)));
            return this;
        }

        /** The roles every other path needs (default: any valid token). */
        public Builder otherwise(Set<String> roles) {
            this.otherwise = Set.copyOf(roles);
            return this;
        }

        public ApiAccess build() {
            return new ApiAccess(rules, otherwise);
        }
    }
}
