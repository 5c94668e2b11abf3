package nl.mantelzorgthuis.starter;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import nl.mantelzorgthuis.testsupport.architecture.ArchitectureRules;

@AnalyzeClasses(packages = "nl.mantelzorgthuis.starter", importOptions = ImportOption.DoNotIncludeTests.class)
class StarterArchitectureTest {

    /** The starter is infrastructure: it knows no service, so no domain can leak into it. */
    @ArchTest
    static final ArchRule knows_no_service = noClasses().that().resideInAPackage("nl.mantelzorgthuis.starter..")
            .should().dependOnClassesThat(resideInAPackage("nl.mantelzorgthuis..")
                    .and(resideOutsideOfPackage("nl.mantelzorgthuis.starter..")));

    @ArchTest
    static final ArchRule has_no_package_cycles = ArchitectureRules.freeOfCycles("nl.mantelzorgthuis.starter");
}
