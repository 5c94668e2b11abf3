package nl.mantelzorgthuis.practiceservice;

import nl.mantelzorgthuis.testsupport.Infrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The contract on the embedded components: a real KRaft broker and mongo-java-server. */
class PracticeApiEmbeddedTest extends PracticeApiContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        register(registry, Infrastructure.embedded(), "practices_embedded");
    }

    @Override
    protected Infrastructure infrastructure() {
        return Infrastructure.embedded();
    }
}
