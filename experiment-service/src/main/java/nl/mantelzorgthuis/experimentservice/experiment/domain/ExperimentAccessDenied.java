package nl.mantelzorgthuis.experimentservice.experiment.domain;

public class ExperimentAccessDenied extends RuntimeException {

    public ExperimentAccessDenied(String message) {
        super(message);
    }
}
