package nl.mantelzorgthuis.identity.domain;

/** What a person may do on the platform; services read these from the token's {@code roles} claim. */
public enum Role {
    /** Programme coordinator or adviser: overview of all practices, manages accounts and clients. */
    COORDINATOR,
    /** Staff of a participating organisation: changes what belongs to their organisation. */
    ORGANISATION_STAFF,
    /** Runs the platform: dashboards and alerts, no content changes. */
    OPERATOR
}
