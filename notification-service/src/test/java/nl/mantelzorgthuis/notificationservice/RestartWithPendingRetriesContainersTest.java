package nl.mantelzorgthuis.notificationservice;

import nl.mantelzorgthuis.testsupport.ContainerInfrastructure;
import nl.mantelzorgthuis.testsupport.Infrastructure;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same restarts and takeovers on real MongoDB (replica set) and Kafka images; skipped where Docker is absent. */
@Testcontainers(disabledWithoutDocker = true)
class RestartWithPendingRetriesContainersTest extends RestartWithPendingRetriesContract {

    @Override
    protected Infrastructure infrastructure() {
        return ContainerInfrastructure.shared();
    }
}
