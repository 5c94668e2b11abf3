package nl.mantelzorgthuis.testsupport.architecture;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import tools.jackson.databind.JsonNode;

/**
 * Checks an OpenAPI document against the code: for every controller method, the error statuses
 * its code can answer, found by following its calls through the service and the starter to every
 * exception it constructs (mapped to a status by {@link ResponseStatus} on the exception type or on
 * the advice's handler for it), must be documented; and every documented domain status (anything
 * but the framework's 400, 401, 403, 412, 413, 415, 428 and 500) must be reachable. This is an
 * implementation of its own, not the starter's derivation, so the two check each other.
 */
public final class AnsweredStatuses {

    private static final String HIDDEN = "io.swagger.v3.oas.annotations.Hidden";
    private static final Set<Integer> FRAMEWORK = Set.of(400, 401, 403, 412, 413, 415, 428, 500);

    private final JavaClasses classes;
    private final List<Class<?>> advice = new ArrayList<>();

    private AnsweredStatuses(JavaClasses classes) {
        this.classes = classes;
        for (JavaClass type : classes) {
            if (type.isAnnotatedWith(RestControllerAdvice.class)) {
                advice.add(type.reflect());
            }
        }
    }

    /** Imports the service's main classes and the starter's. */
    public static AnsweredStatuses of(String servicePackage) {
        return new AnsweredStatuses(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage, "nl.mantelzorgthuis.starter"));
    }

    /** The given classes (e.g. test classes of a sample service, with the starter's). */
    public static AnsweredStatuses of(JavaClasses classes) {
        return new AnsweredStatuses(classes);
    }

    /** Problems found, one line each: empty when the document and the code agree. */
    public List<String> mismatches(JsonNode document, String prefix) {
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (JavaClass controller : classes) {
            if (!controller.isAnnotatedWith(RestController.class) || controller.isAnnotatedWith(HIDDEN)) {
                continue; // a hidden controller (e.g. the HSDS API) is described by a document of its own
            }
            for (JavaMethod method : controller.getMethods()) {
                if (method.isAnnotatedWith(HIDDEN)) {
                    continue;
                }
                Optional<Mapping> mapping = mapping(controller, method);
                if (mapping.isEmpty()) {
                    continue;
                }
                String path = mapping.get().path().startsWith(prefix) ? mapping.get().path().substring(prefix.length())
                        : mapping.get().path();
                JsonNode op = document.path("paths").path(path).path(mapping.get().method());
                if (op.isMissingNode()) {
                    problems.add(mapping.get() + " (" + method.getFullName() + ") is not in the document");
                    continue;
                }
                operations++;
                Set<Integer> documented = new TreeSet<>();
                op.path("responses").propertyNames().forEach(code -> {
                    if (code.startsWith("4") || code.startsWith("5")) {
                        documented.add(Integer.parseInt(code));
                    }
                });
                Map<Integer, Set<String>> reachable = reachableStatuses(method);
                for (var entry : reachable.entrySet()) {
                    if (!documented.contains(entry.getKey())) {
                        problems.add(mapping.get() + " can answer " + entry.getKey() + " (" + entry.getValue()
                                + ") but does not document it");
                    }
                }
                for (int status : documented) {
                    if (!FRAMEWORK.contains(status) && !reachable.containsKey(status)) {
                        problems.add(mapping.get() + " documents " + status + " but no code path answers it");
                    }
                }
            }
        }
        if (operations == 0) {
            problems.add("no controller operation found in the document");
        }
        return problems;
    }

    record Mapping(String method, String path) {
        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    private static Optional<Mapping> mapping(JavaClass controller, JavaMethod method) {
        Method java = method.reflect();
        RequestMapping onMethod = AnnotatedElementUtils.findMergedAnnotation(java, RequestMapping.class);
        if (onMethod == null || onMethod.method().length != 1) {
            return Optional.empty();
        }
        RequestMapping onType = AnnotatedElementUtils.findMergedAnnotation(controller.reflect(), RequestMapping.class);
        String base = onType == null || onType.path().length == 0 ? "" : onType.path()[0];
        String own = onMethod.path().length == 0 ? "" : onMethod.path()[0];
        String path = (base + own).replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
        return Optional.of(new Mapping(onMethod.method()[0].name().toLowerCase(Locale.ROOT), path));
    }

    /** Status → exception types constructed on some call path from the method. */
    Map<Integer, Set<String>> reachableStatuses(JavaMethod start) {
        Map<Integer, Set<String>> statuses = new TreeMap<>();
        Set<JavaCodeUnit> seen = new HashSet<>();
        Deque<JavaCodeUnit> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            JavaCodeUnit unit = todo.pop();
            if (!seen.add(unit)) {
                continue;
            }
            for (JavaCall<?> call : unit.getCallsFromSelf()) {
                JavaClass owner = call.getTargetOwner();
                if (call instanceof JavaConstructorCall && owner.isAssignableTo(Throwable.class)) {
                    statusOf(owner).ifPresent(status -> statuses.computeIfAbsent(status, s -> new TreeSet<>())
                            .add(owner.getSimpleName()));
                }
                if (!owner.getPackageName().startsWith("nl.mantelzorgthuis")) {
                    continue;
                }
                for (JavaCodeUnit target : call.getTarget().resolveMember().stream().toList()) {
                    todo.push(target);
                    // An interface or abstract method: every implementation the service has may run.
                    for (JavaClass sub : target.getOwner().getAllSubclasses()) {
                        sub.tryGetCodeUnitWithParameterTypeNames(target.getName(), target.getRawParameterTypes().stream()
                                .map(JavaClass::getName).toList()).ifPresent(todo::push);
                    }
                }
            }
        }
        return statuses;
    }

    private Optional<Integer> statusOf(JavaClass exception) {
        Class<?> type;
        try {
            type = exception.reflect();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
        ResponseStatus onType = AnnotatedElementUtils.findMergedAnnotation(type, ResponseStatus.class);
        if (onType != null) {
            return Optional.of(onType.code().value());
        }
        // As Spring chooses: in each advice the handler of the closest exception type; the closest of all wins.
        int best = Integer.MAX_VALUE;
        Integer status = null;
        for (Class<?> handlerClass : advice) {
            @SuppressWarnings("unchecked")
            Method handler = new ExceptionHandlerMethodResolver(handlerClass)
                    .resolveMethodByExceptionType((Class<? extends Throwable>) type);
            if (handler == null) {
                continue;
            }
            int depth = Integer.MAX_VALUE;
            for (Class<? extends Throwable> handled : handler.getAnnotation(ExceptionHandler.class).value()) {
                if (handled.isAssignableFrom(type)) {
                    depth = Math.min(depth, depth(type, handled));
                }
            }
            if (depth < best) {
                best = depth;
                ResponseStatus onHandler = AnnotatedElementUtils.findMergedAnnotation(handler, ResponseStatus.class);
                status = onHandler == null ? null : onHandler.code().value();
            }
        }
        return Optional.ofNullable(status);
    }

    private static int depth(Class<?> type, Class<?> ancestor) {
        int depth = 0;
        for (Class<?> c = type; c != null && c != ancestor; c = c.getSuperclass()) {
            depth++;
        }
        return depth;
    }

}
