package nl.mantelzorgthuis.testsupport.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The house rules every service's ArchitectureTest applies (docs/architecture.md): no domain code
 * shared between services, only the platform starter; no package cycles; rules in plain Java;
 * controllers that only map HTTP to a use case.
 */
public final class ArchitectureRules {

    /** The one module of the platform a service may use: cross-cutting plumbing without domain. */
    public static final String STARTER = "nl.mantelzorgthuis.starter..";

    private ArchitectureRules() {
    }

    /** Services deploy independently: contracts are schemas, never another service's classes. */
    public static ArchRule dependsOnlyOnItselfAndTheStarter(String servicePackage) {
        return noClasses().that().resideInAPackage(servicePackage + "..")
                .should().dependOnClassesThat(resideInAPackage("nl.mantelzorgthuis..")
                        .and(resideOutsideOfPackages(servicePackage + "..", STARTER)))
                .as("classes of " + servicePackage + " depend on no other part of the platform than the starter");
    }

    /** Features and layers form a tree: no two top-level packages of the service need each other. */
    public static ArchRule freeOfCycles(String servicePackage) {
        // Every package is a slice, the root package too (import only the service's classes).
        String parent = servicePackage.substring(0, servicePackage.lastIndexOf('.'));
        return slices().matching(parent + ".(**)").should().beFreeOfCycles()
                .as("the packages of " + servicePackage + " are free of cycles");
    }

    /** The domain's rules stay plain Java, testable without a Spring context or a database. */
    public static ArchRule domainIsPlainJava(String... domainPackages) {
        return noClasses().that().resideInAnyPackage(domainPackages)
                .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..",
                        "tools.jackson..", "com.fasterxml..", "jakarta..", "org.apache.kafka..", "io.cloudevents..", STARTER))
                .as("the domain packages are plain Java");
    }

    /**
     * Controllers map HTTP to a use case and back: they do not touch the store, Kafka, CSV writing
     * or archive parsing themselves.
     */
    public static ArchRule controllersAreThin(String servicePackage) {
        return noClasses().that().resideInAPackage(servicePackage + "..")
                .and().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should().dependOnClassesThat(resideInAnyPackage("org.springframework.data..", "com.mongodb..",
                        "org.bson..", "org.springframework.kafka..", "org.apache.kafka..", "org.apache.commons.csv..",
                        "java.util.zip.."))
                .as("controllers of " + servicePackage + " only map HTTP to use cases");
    }
}
