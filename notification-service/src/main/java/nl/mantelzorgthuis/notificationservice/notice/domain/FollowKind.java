package nl.mantelzorgthuis.notificationservice.notice.domain;

import java.util.regex.Pattern;

/** What a person can follow; each kind files changes under its own key prefix. */
public enum FollowKind {
    PRACTICE("practice", Pattern.compile("[A-Za-z0-9-]{1,64}")),
    EXPERIMENT("experiment", Pattern.compile("[A-Za-z0-9-]{1,64}")),
    MUNICIPALITY("municipality", Pattern.compile("GM[0-9]{4}")),
    ORGANISATION("organisation", Pattern.compile(".{1,200}")),
    TAXONOMY_TERM("term", Pattern.compile("[a-z0-9-]{1,100}")),
    EVENT_TYPE("type", Pattern.compile("[a-z0-9.-]{1,200}"));

    private final String prefix;
    private final Pattern valid;

    FollowKind(String prefix, Pattern valid) {
        this.prefix = prefix;
        this.valid = valid;
    }

    public String key(String value) {
        boolean caseless = this == ORGANISATION || this == TAXONOMY_TERM;
        return prefix + ":" + (caseless ? Change.normal(value) : value.trim());
    }

    public boolean accepts(String value) {
        return value != null && !value.isBlank() && valid.matcher(value.trim()).matches();
    }

    /** The key of messages meant for one person only (e.g. "your webhook was disabled"). */
    public static String personal(String subject) {
        return "user:" + subject;
    }
}
