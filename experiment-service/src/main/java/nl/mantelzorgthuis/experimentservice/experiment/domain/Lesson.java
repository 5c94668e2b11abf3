package nl.mantelzorgthuis.experimentservice.experiment.domain;

/** A lesson learned, kept apart from the description so other practices can search them. */
public record Lesson(LessonKind kind, String text) {
}
