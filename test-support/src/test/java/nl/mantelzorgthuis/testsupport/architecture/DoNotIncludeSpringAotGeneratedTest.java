package nl.mantelzorgthuis.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.tools.ToolProvider;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a package build leaves in {@code target/classes}: two feature packages that depend one way
 * only, and a registration Spring AOT generated that reaches back. CI's tests run before the package
 * phase and never see such classes, so this test makes them, with the JDK's compiler.
 */
class DoNotIncludeSpringAotGeneratedTest {

    private static final String SERVICE = "example.service";

    @TempDir
    Path build;

    @Test
    void the_cycle_rule_passes_once_generated_registrations_are_left_out() throws IOException {
        Path classes = compile(Map.of(
                "example/service/inbox/Inbox.java", "package example.service.inbox; public class Inbox { example.service.notice.Notice latest; }",
                "example/service/notice/Notice.java", "package example.service.notice; public class Notice { }",
                "example/service/notice/Notice__BeanDefinitions.java",
                "package example.service.notice; public class Notice__BeanDefinitions { example.service.inbox.Inbox inbox; }",
                "example/service/notice/Notice$$SpringCGLIB$$0.java",
                "package example.service.notice; public class Notice$$SpringCGLIB$$0 extends Notice { example.service.inbox.Inbox inbox; }"));

        JavaClasses everything = new ClassFileImporter().importPath(classes);
        JavaClasses own = new ClassFileImporter().withImportOption(new DoNotIncludeSpringAotGenerated()).importPath(classes);

        assertThat(everything.stream().map(JavaClass::getName)).contains("example.service.notice.Notice__BeanDefinitions",
                "example.service.notice.Notice$$SpringCGLIB$$0");
        assertThat(own.stream().map(JavaClass::getName)).containsExactlyInAnyOrder("example.service.inbox.Inbox",
                "example.service.notice.Notice");
        assertThat(ArchitectureRules.freeOfCycles(SERVICE).evaluate(everything).hasViolation()).isTrue();
        assertThat(ArchitectureRules.freeOfCycles(SERVICE).evaluate(own).hasViolation()).isFalse();
    }

    /** Compiles into {@code target/classes} of the temporary build and returns that directory. */
    private Path compile(Map<String, String> sources) throws IOException {
        Path src = build.resolve("src");
        Path classes = Files.createDirectories(build.resolve("target/classes"));
        List<String> arguments = new java.util.ArrayList<>(List.of("-d", classes.toString()));
        for (var source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new))).isZero();
        return classes;
    }
}
