package nl.mantelzorgthuis.practiceservice.practice.domain;

public enum OrganisationType {
    CARE,
    WELFARE,
    MUNICIPALITY,
    GP_PRACTICE,
    HOSPITAL,
    VOLUNTEER_ORGANISATION,
    OTHER
}
