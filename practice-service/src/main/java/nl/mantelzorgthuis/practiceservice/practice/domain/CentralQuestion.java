package nl.mantelzorgthuis.practiceservice.practice.domain;

/** The programme's three central questions (drie centrale vraagstukken), asked by the mantelzorger. */
public enum CentralQuestion {
    /** "Hoe zorg ik samen met beroepskrachten voor mijn naaste?" */
    CARE_TOGETHER_WITH_PROFESSIONALS,
    /** "Hoe houd ik het zorgen voor mijn naaste vol?" */
    KEEP_UP_CARING,
    /** "Hoe geef ik op een goede manier ondersteuning aan mijn naaste?" */
    SUPPORT_WELL
}
