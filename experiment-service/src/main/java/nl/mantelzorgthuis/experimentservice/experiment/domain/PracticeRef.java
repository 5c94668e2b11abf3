package nl.mantelzorgthuis.experimentservice.experiment.domain;

import java.util.List;

/**
 * What this service knows of a practice from practice-service's events: enough to decide whether an
 * experiment may belong to it and who takes part, without calling practice-service.
 */
public record PracticeRef(String id, String name, boolean archived, List<String> organisations, List<String> municipalities) {

    public PracticeRef {
        organisations = organisations == null ? List.of() : organisations;
        municipalities = municipalities == null ? List.of() : municipalities;
    }

    public boolean hasOrganisation(String organisation) {
        return organisation != null && organisations.stream().anyMatch(o -> Names.same(o, organisation));
    }
}
