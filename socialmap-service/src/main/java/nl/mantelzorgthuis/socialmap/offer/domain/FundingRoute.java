package nl.mantelzorgthuis.socialmap.offer.domain;

/** How a caregiver pays for a service in the Netherlands (an extension of HSDS funding). */
public enum FundingRoute {
    /** Wet maatschappelijke ondersteuning: via the municipality. */
    WMO,
    /** Wet langdurige zorg. */
    WLZ,
    /** Zorgverzekeringswet: basic health insurance. */
    ZVW,
    /** Aanvullende verzekering. */
    SUPPLEMENTARY_INSURANCE,
    /** Free of charge, no funding route needed. */
    FREE
}
