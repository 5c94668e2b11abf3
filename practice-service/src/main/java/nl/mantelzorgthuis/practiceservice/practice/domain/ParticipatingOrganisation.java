package nl.mantelzorgthuis.practiceservice.practice.domain;

public record ParticipatingOrganisation(String name, OrganisationType type) {
}
