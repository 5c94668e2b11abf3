package nl.mantelzorgthuis.practiceservice.practice.domain;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/** Which fields of a practice a change touched: the "what" of the audit trail. */
public final class PracticeChanges {

    private static final Set<String> BOOKKEEPING = Set.of("version", "createdAt", "updatedAt");

    private PracticeChanges() {
    }

    public static List<String> between(Practice before, Practice after) {
        if (before == null) {
            return List.of("created");
        }
        return Stream.of(Practice.class.getRecordComponents())
                .filter(c -> !BOOKKEEPING.contains(c.getName()))
                .filter(c -> !Objects.equals(value(c, before), value(c, after)))
                .map(RecordComponent::getName)
                .toList();
    }

    private static Object value(RecordComponent component, Practice practice) {
        try {
            return component.getAccessor().invoke(practice);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
