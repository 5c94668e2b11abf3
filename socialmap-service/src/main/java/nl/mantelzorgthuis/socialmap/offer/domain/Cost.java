package nl.mantelzorgthuis.socialmap.offer.domain;

/** Whether the caregiver pays anything (HSDS cost_option, reduced to what the search filters on). */
public enum Cost {
    FREE, PAID
}
