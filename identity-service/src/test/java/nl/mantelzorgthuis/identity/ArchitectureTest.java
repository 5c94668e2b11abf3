package nl.mantelzorgthuis.identity;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "nl.mantelzorgthuis", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Services deploy independently: the identity service links no other service's classes. */
    @ArchTest
    static final ArchRule depends_on_no_other_service = noClasses()
            .that().resideInAPackage("nl.mantelzorgthuis.identity..")
            .should().dependOnClassesThat(resideInAPackage("nl.mantelzorgthuis..")
                    .and(resideOutsideOfPackage("nl.mantelzorgthuis.identity..")));
}
