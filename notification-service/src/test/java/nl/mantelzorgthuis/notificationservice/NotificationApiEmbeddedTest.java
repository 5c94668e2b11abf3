package nl.mantelzorgthuis.notificationservice;

import nl.mantelzorgthuis.testsupport.Infrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The contract on the embedded components: a real KRaft broker and mongo-java-server. */
class NotificationApiEmbeddedTest extends NotificationApiContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        register(registry, Infrastructure.embedded(), "notifications_embedded");
    }

    @Override
    protected Infrastructure infrastructure() {
        return Infrastructure.embedded();
    }
}
