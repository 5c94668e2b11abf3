package nl.mantelzorgthuis.testsupport;

import java.util.regex.Pattern;

/**
 * The classes Spring AOT generates at package time (bean definitions and registrations, CGLIB
 * proxies; root pom, process-aot), which then sit beside the service's own in {@code target/classes}.
 * They wire every package to every other by design, and their bytes differ from build to build for
 * the same sources, so architecture rules and the local platform's AOT-cache stamps leave them out.
 */
public final class SpringAotGenerated {

    private static final Pattern NAMES = Pattern
            .compile("\\$\\$SpringCGLIB\\$\\$|__(BeanDefinitions|BeanFactoryRegistrations|ApplicationContextInitializer|Autowiring)");

    private SpringAotGenerated() {
    }

    /** Whether a class or jar entry name (or a location holding it) is one Spring AOT generated. */
    public static boolean is(String name) {
        return NAMES.matcher(name).find();
    }
}
