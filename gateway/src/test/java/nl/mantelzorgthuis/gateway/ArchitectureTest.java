package nl.mantelzorgthuis.gateway;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import nl.mantelzorgthuis.testsupport.architecture.DoNotIncludeSpringAotGenerated;

@AnalyzeClasses(packages = "nl.mantelzorgthuis", importOptions = {ImportOption.DoNotIncludeTests.class,
        DoNotIncludeSpringAotGenerated.class})
class ArchitectureTest {

    /** The gateway routes by configuration; it never links a service's classes. */
    @ArchTest
    static final ArchRule depends_on_no_service = noClasses()
            .that().resideInAPackage("nl.mantelzorgthuis.gateway..")
            .should().dependOnClassesThat(resideInAPackage("nl.mantelzorgthuis..")
                    .and(resideOutsideOfPackage("nl.mantelzorgthuis.gateway..")));
}
