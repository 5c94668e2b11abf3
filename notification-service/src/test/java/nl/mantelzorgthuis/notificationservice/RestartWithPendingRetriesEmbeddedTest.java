package nl.mantelzorgthuis.notificationservice;

import nl.mantelzorgthuis.testsupport.Infrastructure;

class RestartWithPendingRetriesEmbeddedTest extends RestartWithPendingRetriesContract {

    @Override
    protected Infrastructure infrastructure() {
        return Infrastructure.embedded();
    }
}
