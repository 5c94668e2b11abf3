package nl.mantelzorgthuis.practiceservice.practice;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.mantelzorgthuis.practiceservice.practice.domain.CentralQuestion;
import nl.mantelzorgthuis.practiceservice.practice.domain.Contact;
import nl.mantelzorgthuis.practiceservice.practice.domain.Lesson;
import nl.mantelzorgthuis.practiceservice.practice.domain.Municipality;
import nl.mantelzorgthuis.practiceservice.practice.domain.OrganisationType;
import nl.mantelzorgthuis.practiceservice.practice.domain.ParticipatingOrganisation;
import nl.mantelzorgthuis.practiceservice.practice.domain.PracticeDetails;
import nl.mantelzorgthuis.practiceservice.practice.domain.PracticeKind;
import nl.mantelzorgthuis.practiceservice.practice.domain.PracticeStatus;

/** The body of a create or full update: shape checks here, the programme's rules in the domain. */
public record PracticeRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull PracticeKind kind,
        @NotBlank @Size(max = 200) String region,
        @Size(max = 50) List<@Valid @NotNull MunicipalityRef> municipalities,
        @Size(max = 100) List<@Valid @NotNull OrganisationRef> organisations,
        @Size(max = 1000) String positiveCoreTheme,
        @Size(max = 50) List<@NotBlank @Size(max = 1000) String> designQuestions,
        Set<@NotNull CentralQuestion> centralQuestions,
        LocalDate startDate,
        LocalDate endDate,
        PracticeStatus status,
        @Size(max = 50) List<@Valid @NotNull ContactRef> contacts,
        @Size(max = 500) List<@Valid @NotNull LessonRef> lessonsLearned) {

    public record MunicipalityRef(
            @NotNull @Pattern(regexp = "GM\\d{4}", message = "must be a CBS municipality code such as GM0363") String cbsCode,
            @NotBlank @Size(max = 200) String name) {
    }

    public record OrganisationRef(@NotBlank @Size(max = 200) String name, @NotNull OrganisationType type) {
    }

    public record ContactRef(@NotBlank @Size(max = 100) String role, @NotBlank @Size(max = 200) String name,
            @Email @Size(max = 320) String email) {
    }

    public record LessonRef(@NotBlank @Size(max = 300) String title, @Size(max = 5000) String description,
            LocalDate recordedOn) {
    }

    PracticeDetails toDetails() {
        return new PracticeDetails(name, kind, region,
                map(municipalities, m -> new Municipality(m.cbsCode(), m.name())),
                map(organisations, o -> new ParticipatingOrganisation(o.name().trim(), o.type())),
                positiveCoreTheme, designQuestions, centralQuestions, startDate, endDate, status,
                map(contacts, c -> new Contact(c.role(), c.name(), c.email())),
                map(lessonsLearned, l -> new Lesson(l.title(), l.description(), l.recordedOn())));
    }

    private static <A, B> List<B> map(List<A> in, java.util.function.Function<A, B> f) {
        return in == null ? List.of() : in.stream().map(f).toList();
    }
}
