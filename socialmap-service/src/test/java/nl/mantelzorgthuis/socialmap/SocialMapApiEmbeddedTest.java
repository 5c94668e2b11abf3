package nl.mantelzorgthuis.socialmap;

import nl.mantelzorgthuis.testsupport.Infrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The contract on the embedded components: a real KRaft broker and mongo-java-server. */
class SocialMapApiEmbeddedTest extends SocialMapApiContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        register(registry, Infrastructure.embedded(), "socialmap_embedded");
    }

    @Override
    protected Infrastructure infrastructure() {
        return Infrastructure.embedded();
    }
}
