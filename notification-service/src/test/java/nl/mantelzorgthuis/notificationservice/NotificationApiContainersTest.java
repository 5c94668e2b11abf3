package nl.mantelzorgthuis.notificationservice;

import nl.mantelzorgthuis.testsupport.ContainerInfrastructure;
import nl.mantelzorgthuis.testsupport.Infrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same contract on real MongoDB (replica set) and Kafka images; skipped where Docker is absent. */
@Testcontainers(disabledWithoutDocker = true)
class NotificationApiContainersTest extends NotificationApiContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        register(registry, ContainerInfrastructure.shared(), "notifications");
    }

    @Override
    protected Infrastructure infrastructure() {
        return ContainerInfrastructure.shared();
    }
}
