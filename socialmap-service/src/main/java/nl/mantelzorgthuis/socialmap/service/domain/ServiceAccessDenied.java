package nl.mantelzorgthuis.socialmap.service.domain;

public class ServiceAccessDenied extends RuntimeException {

    public ServiceAccessDenied(String message) {
        super(message);
    }
}
