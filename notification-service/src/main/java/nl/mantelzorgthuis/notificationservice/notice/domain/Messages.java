package nl.mantelzorgthuis.notificationservice.notice.domain;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Human-readable text for a change, in Dutch (the platform's language) or English. The texts live in
 * {@code notice-messages*.properties}; an event type without its own text gets a general one.
 */
public final class Messages {

    public static final Locale DUTCH = Locale.forLanguageTag("nl");

    private Messages() {
    }

    public record Text(String title, String body) {
    }

    public static Locale supported(String languageTag) {
        return languageTag != null && languageTag.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : DUTCH;
    }

    public static Text render(Change change, Locale locale) {
        ResourceBundle texts = texts(locale);
        String key = change.kind() + "." + change.action();
        String status = change.status() == null ? "" : text(texts, "status." + change.status(), change.status());
        Object[] args = {nz(change.itemName(), change.itemId()), nz(change.practiceName(), ""), status,
                nz(change.organisation(), ""), String.join(", ", change.municipalities().stream().sorted().toList()), change.type()};
        String title = MessageFormat.format(text(texts, key + ".title", texts.getString("other.title")), args);
        String body = MessageFormat.format(text(texts, key + ".body", texts.getString("other.body")), args);
        return new Text(title, body);
    }

    /** A fixed phrase (mail subjects, footers) in the language. */
    public static String phrase(String key, Locale locale, Object... args) {
        return MessageFormat.format(texts(locale).getString(key), args);
    }

    private static ResourceBundle texts(Locale locale) {
        return ResourceBundle.getBundle("notice-messages", supported(locale.toLanguageTag()),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String text(ResourceBundle texts, String key, String fallback) {
        try {
            return texts.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    private static String nz(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
