package nl.mantelzorgthuis.platform;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local platform (demo data, free ports) for every test class of this module that asks for a
 * {@link LocalPlatform} parameter: starting it takes a minute on two cores, so the end-to-end and the
 * browser tests share it. JUnit closes it (AutoCloseable in the root store) after the last test.
 */
final class RunningPlatform implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(LocalPlatform.class, type -> start(), LocalPlatform.class);
    }

    private static LocalPlatform start() {
        try {
            Path data = Files.createTempDirectory("platform-e2e");
            return new LocalPlatform(PlatformConfig.fromEnvironment().onFreePorts(data, true)).start();
        } catch (Exception e) {
            throw new IllegalStateException("the local platform did not start", e);
        }
    }
}
