/** Dutch words for the practice and experiment codes (B1), in one place for a second locale later. */
export const PRACTICE_KIND: Record<string, string> = { LEARNING_PRACTICE: 'Lerende praktijk', PRACTICE_ACCELERATOR: 'Praktijkversneller' };
export const PRACTICE_STATUS: Record<string, string> = { PLANNED: 'Gepland', ACTIVE: 'Actief', COMPLETED: 'Afgerond', ARCHIVED: 'Gearchiveerd' };
export const CENTRAL_QUESTION: Record<string, string> = {
  CARE_TOGETHER_WITH_PROFESSIONALS: 'Samen zorgen met professionals',
  KEEP_UP_CARING: 'Het zorgen volhouden',
  SUPPORT_WELL: 'Goede ondersteuning',
};
export const EXPERIMENT_STATUS: Record<string, string> = {
  IDEA: 'Idee', PREPARING: 'In voorbereiding', RUNNING: 'Loopt', EVALUATED: 'Geëvalueerd', COMPLETED: 'Afgerond', STOPPED: 'Gestopt',
};
export const LEVEL: Record<string, string> = {
  BEHIND_THE_FRONT_DOOR: 'Achter de voordeur', BETWEEN_PROFESSIONALS: 'Tussen professionals', NEIGHBOURHOOD_AND_MUNICIPALITY: 'Wijk en gemeente',
};
export const PHASE: Record<string, string> = { DISCOVER: 'Ontdekken', DREAM: 'Dromen', DESIGN: 'Ontwerpen', DELIVER: 'Doen' };
export const OUTCOME: Record<string, string> = {
  COLLABORATION_CAREGIVERS_PROFESSIONALS: 'Samenwerking mantelzorgers en professionals',
  COLLABORATION_AMONG_PROFESSIONALS: 'Samenwerking tussen professionals',
  COLLABORATION_ORGANISATIONS_AND_POLICY: 'Samenwerking organisaties en beleid',
  DIGITAL_AND_TECHNOLOGICAL_AIDS: 'Digitale en technologische hulpmiddelen',
  CAREGIVER_KNOWLEDGE: 'Kennis van mantelzorgers',
  COLLABORATION_VOLUNTEERS_AND_RESIDENTS: 'Samenwerking vrijwilligers en bewoners',
  EXCHANGE_OF_CARE_AND_WELFARE_SKILLS: 'Uitwisseling van zorg- en welzijnskennis',
};
export const LESSON_KIND: Record<string, string> = { WHAT_WORKED: 'Wat werkte', WHAT_DID_NOT_WORK: 'Wat werkte niet', TIP: 'Tip' };
export const DECISION: Record<string, string> = { ADOPT: 'Overnemen', ADAPT: 'Aanpassen', ABANDON: 'Stoppen' };
export const ORGANISATION_TYPE: Record<string, string> = {
  CARE: 'Zorg', WELFARE: 'Welzijn', MUNICIPALITY: 'Gemeente', GP_PRACTICE: 'Huisartsenpraktijk', HOSPITAL: 'Ziekenhuis',
  VOLUNTEER_ORGANISATION: 'Vrijwilligersorganisatie', OTHER: 'Anders',
};
