package nl.mantelzorgthuis.experimentservice.experiment;

import java.util.List;

public record ExperimentPage(List<ExperimentSummary> items, PageInfo page) {

    public record PageInfo(int number, int size, long totalElements, int totalPages) {
    }
}
