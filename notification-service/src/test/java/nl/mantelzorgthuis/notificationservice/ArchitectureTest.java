package nl.mantelzorgthuis.notificationservice;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "nl.mantelzorgthuis", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Services deploy independently: event contracts are schemas, never another service's classes. */
    @ArchTest
    static final ArchRule depends_on_no_other_service = noClasses()
            .that().resideInAPackage("nl.mantelzorgthuis.notificationservice..")
            .should().dependOnClassesThat(resideInAPackage("nl.mantelzorgthuis..")
                    .and(resideOutsideOfPackage("nl.mantelzorgthuis.notificationservice..")));

    /** The programme's rules stay plain Java, testable without a Spring context or a database. */
    @ArchTest
    static final ArchRule domain_is_free_of_frameworks = noClasses()
            .that().resideInAnyPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..",
                    "tools.jackson..", "com.fasterxml..", "jakarta..", "org.apache.kafka..", "io.cloudevents..");
}
