package nl.mantelzorgthuis.experimentservice.experiment.domain;

public enum LessonKind {
    WHAT_WORKED, WHAT_DID_NOT_WORK, TIP
}
