package nl.mantelzorgthuis.notificationservice.notice.domain;

import java.time.Instant;

/** Something a person follows, since when: changes before that moment are not theirs to be told about. */
public record Follow(FollowKind kind, String value, Instant since) {

    public Follow {
        if (kind == null || !kind.accepts(value)) {
            throw new IllegalArgumentException("value does not fit kind " + kind);
        }
        value = value.trim();
    }

    public String key() {
        return kind.key(value);
    }
}
