package nl.mantelzorgthuis.identity;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import nl.mantelzorgthuis.testsupport.architecture.ArchitectureRules;
import nl.mantelzorgthuis.testsupport.architecture.DoNotIncludeSpringAotGenerated;

@AnalyzeClasses(packages = ArchitectureTest.SERVICE, importOptions = {ImportOption.DoNotIncludeTests.class,
        DoNotIncludeSpringAotGenerated.class})
class ArchitectureTest {

    static final String SERVICE = "nl.mantelzorgthuis.identity";

    @ArchTest
    static final ArchRule depends_on_no_other_service = ArchitectureRules.dependsOnlyOnItselfAndTheStarter(SERVICE);

    @ArchTest
    static final ArchRule has_no_package_cycles = ArchitectureRules.freeOfCycles(SERVICE);

    @ArchTest
    static final ArchRule domain_is_free_of_frameworks = ArchitectureRules.domainIsPlainJava("..identity.domain..");

    @ArchTest
    static final ArchRule controllers_only_map_http = ArchitectureRules.controllersAreThin(SERVICE);
}
