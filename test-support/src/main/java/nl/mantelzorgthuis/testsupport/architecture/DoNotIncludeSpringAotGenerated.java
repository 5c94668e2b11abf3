package nl.mantelzorgthuis.testsupport.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import nl.mantelzorgthuis.testsupport.SpringAotGenerated;

/**
 * Leaves out what Spring AOT generated into {@code target/classes} by an earlier package build: a
 * later {@code mvn test} sees those classes, and their registrations reach into every package.
 */
public final class DoNotIncludeSpringAotGenerated implements ImportOption {

    @Override
    public boolean includes(Location location) {
        return !SpringAotGenerated.is(location.toString());
    }
}
