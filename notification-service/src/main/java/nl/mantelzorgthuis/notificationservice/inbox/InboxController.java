package nl.mantelzorgthuis.notificationservice.inbox;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.mantelzorgthuis.notificationservice.access.NotFound;
import nl.mantelzorgthuis.notificationservice.access.NotAllowed;
import nl.mantelzorgthuis.notificationservice.NotificationProperties;
import nl.mantelzorgthuis.notificationservice.access.Caller;
import nl.mantelzorgthuis.notificationservice.inbox.domain.EmailFrequency;
import nl.mantelzorgthuis.notificationservice.notice.domain.Links;
import nl.mantelzorgthuis.notificationservice.notice.domain.Follow;
import nl.mantelzorgthuis.notificationservice.notice.domain.FollowKind;
import nl.mantelzorgthuis.notificationservice.notice.domain.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1/notifications")
@Tag(name = "Inbox", description = "What you follow, your inbox and your e-mail preferences")
class InboxController {

    private static final String TYPE = "[a-z0-9.-]{1,200}";

    record FollowRequest(@NotNull FollowKind kind, @NotBlank @Size(max = 200) String value) {
    }

    record FollowView(FollowKind kind, String value, Instant since) {
        static FollowView of(Follow f) {
            return new FollowView(f.kind(), f.value(), f.since());
        }
    }

    record EmailPreference(@NotNull EmailFrequency frequency,
            @Size(max = 50) List<@Pattern(regexp = TYPE, message = "must be an event type") String> eventTypes,
            @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be a local time like 08:00") String time,
            @Pattern(regexp = "MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY", message = "must be a weekday like MONDAY") String day) {
    }

    record PreferencesRequest(@Pattern(regexp = "nl|en", message = "must be nl or en") String locale,
            @Size(max = 64) String timeZone,
            @Size(max = 50) List<@NotNull @Pattern(regexp = TYPE, message = "must be an event type") String> inboxEventTypes,
            @Valid @NotNull EmailPreference email) {
    }

    record PreferencesView(String email, String locale, String timeZone, List<String> inboxEventTypes, EmailPreference emailPreference,
            Instant nextDigestAt) {
        static PreferencesView of(Person p) {
            Person.Email e = p.emailPreference();
            return new PreferencesView(p.email(), p.locale(), p.timeZone(), p.inboxEventTypes(),
                    new EmailPreference(e.frequency(), e.eventTypes(), e.time(), e.day()), p.nextDigestAt());
        }
    }

    record InboxItem(String id, String type, String title, String body, String link, Instant time, boolean read, boolean archived) {
    }

    record InboxPage(List<InboxItem> items, int page, int pageSize, long unread) {
    }

    record UnreadCount(long unread) {
    }

    private final Inbox inbox;
    private final NotificationProperties properties;

    InboxController(Inbox inbox, NotificationProperties properties) {
        this.inbox = inbox;
        this.properties = properties;
    }

    @GetMapping("/follows")
    @Operation(summary = "What you follow")
    List<FollowView> follows(@AuthenticationPrincipal Jwt token)
            throws NotAllowed {
        return inbox.profile(Caller.of(token)).follows().stream().map(FollowView::of).toList();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/follows")
    @Operation(summary = "Follow a practice, experiment, municipality (CBS code), organisation, social-map term or event type",
            description = "You hear of changes from now on. Following something twice changes nothing.")
    ResponseEntity<List<FollowView>> follow(@AuthenticationPrincipal Jwt token, @Valid @RequestBody FollowRequest request)
            throws NotAllowed {
        Person person = inbox.follow(Caller.of(token), request.kind(), request.value());
        return ResponseEntity.status(HttpStatus.CREATED).body(person.follows().stream().map(FollowView::of).toList());
    }

    @DeleteMapping("/follows")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop following")
    void unfollow(@AuthenticationPrincipal Jwt token, @RequestParam FollowKind kind, @RequestParam @NotBlank String value)
            throws NotAllowed, NotFound {
        inbox.unfollow(Caller.of(token), kind, value);
    }

    @GetMapping("/preferences")
    @Operation(summary = "Your language, time zone and e-mail preferences")
    PreferencesView preferences(@AuthenticationPrincipal Jwt token)
            throws NotAllowed {
        return PreferencesView.of(inbox.profile(Caller.of(token)));
    }

    @PutMapping("/preferences")
    @Operation(summary = "Set your preferences",
            description = "E-mail: OFF, IMMEDIATE, or a DAILY or WEEKLY digest at a local time (and weekday) in your time zone "
                    + "(default Europe/Amsterdam); eventTypes narrow the inbox or the e-mail to those types.")
    PreferencesView setPreferences(@AuthenticationPrincipal Jwt token, @Valid @RequestBody PreferencesRequest request)
            throws NotAllowed {
        EmailPreference e = request.email();
        return PreferencesView.of(inbox.preferences(Caller.of(token), request.locale() == null ? "nl" : request.locale(),
                request.timeZone() == null ? "Europe/Amsterdam" : request.timeZone(), request.inboxEventTypes(),
                new Person.Email(e.frequency(), e.eventTypes(), e.time() == null ? "08:00" : e.time(), e.day() == null ? "MONDAY" : e.day())));
    }

    @GetMapping("/inbox")
    @Operation(summary = "Your inbox, newest first", description = "archived=true lists what you archived.")
    InboxPage page(@AuthenticationPrincipal Jwt token, @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(defaultValue = "1") @Min(1) int page, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int pageSize)
            throws NotAllowed {
        Inbox.Page found = inbox.page(Caller.of(token), archived, page, pageSize);
        return new InboxPage(found.items().stream().map(i -> {
            Messages.Text text = Messages.render(i.notification().change(), found.language());
            return new InboxItem(i.notification().id(), i.notification().change().type(), text.title(), text.body(),
                    Links.of(properties.platformUrl(), i.notification().change()), i.notification().change().time(), i.read(), i.archived());
        }).toList(), page, pageSize, found.unread());
    }

    @GetMapping("/inbox/unread-count")
    @Operation(summary = "How many inbox items you have not read")
    UnreadCount unread(@AuthenticationPrincipal Jwt token)
            throws NotAllowed {
        return new UnreadCount(inbox.unread(Caller.of(token)));
    }

    @PostMapping("/inbox/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark one item read")
    void read(@AuthenticationPrincipal Jwt token, @PathVariable String id)
            throws NotAllowed, NotFound {
        inbox.mark(Caller.of(token), id, "read");
    }

    @PostMapping("/inbox/read-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark everything read")
    void readAll(@AuthenticationPrincipal Jwt token)
            throws NotAllowed {
        inbox.readAll(Caller.of(token));
    }

    @PostMapping("/inbox/{id}/archive")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Archive one item (it leaves the inbox list and the unread count)")
    void archive(@AuthenticationPrincipal Jwt token, @PathVariable String id)
            throws NotAllowed, NotFound {
        inbox.mark(Caller.of(token), id, "archived");
    }
}
