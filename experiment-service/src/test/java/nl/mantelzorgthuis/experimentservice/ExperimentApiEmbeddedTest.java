package nl.mantelzorgthuis.experimentservice;

import nl.mantelzorgthuis.testsupport.Infrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The contract on the embedded components: a real KRaft broker and mongo-java-server. */
class ExperimentApiEmbeddedTest extends ExperimentApiContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        register(registry, Infrastructure.embedded(), "experiments_embedded");
    }

    @Override
    protected Infrastructure infrastructure() {
        return Infrastructure.embedded();
    }
}
