package nl.mantelzorgthuis.experimentservice.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import nl.mantelzorgthuis.experimentservice.experiment.domain.CollaborationLevel;
import nl.mantelzorgthuis.experimentservice.experiment.domain.ExperimentStatus;
import nl.mantelzorgthuis.experimentservice.experiment.domain.LessonKind;
import nl.mantelzorgthuis.experimentservice.experiment.domain.OutcomeCategory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;

/** Views across practices: lessons learned, counts per practice or outcome, and the CSV export. */
@Service
public class ExperimentReports {

    static final int MAX_LESSONS = 200;
    private static final String[] EXPORT_HEADER = {"id", "practiceId", "practiceName", "title", "goal", "level", "outcomes",
            "phase", "status", "organisations", "startDate", "endDate", "adoptedFrom", "lessons"};

    private final Experiments experiments;

    ExperimentReports(Experiments experiments) {
        this.experiments = experiments;
    }

    /** A lesson found by a search, with the experiment it comes from. */
    public record LessonHit(String experimentId, String title, String practiceId, String practiceName, LessonKind kind,
            String text) {
    }

    /** Counts of experiments by status and by collaboration level for one practice or outcome category. */
    public record SummaryRow(String key, String label, long total, Map<ExperimentStatus, Long> byStatus,
            Map<CollaborationLevel, Long> byLevel) {
    }

    /** What to summarise by. */
    public enum SummaryKey {
        PRACTICE, OUTCOME
    }

    /** Lessons whose text contains {@code q} (any case), of experiments matching the filters; at most 200. */
    public List<LessonHit> lessons(String q, OutcomeCategory outcome, CollaborationLevel level, LessonKind kind) {
        Pattern contains = q == null || q.isBlank() ? null : Pattern.compile(Pattern.quote(q.trim()), Pattern.CASE_INSENSITIVE);
        List<LessonHit> hits = new ArrayList<>();
        experiments.forEach(new ExperimentSearch(null, level, outcome, null, null, null, q, null, 0, 1), e -> e.lessons().stream()
                .filter(l -> kind == null || l.kind() == kind)
                .filter(l -> contains == null || contains.matcher(l.text()).find())
                .forEach(l -> {
                    if (hits.size() < MAX_LESSONS) {
                        hits.add(new LessonHit(e.id(), e.title(), e.practiceId(), e.practiceName(), l.kind(), l.text()));
                    }
                }));
        return hits;
    }

    public List<SummaryRow> summary(SummaryKey by) {
        Map<String, String> labels = new TreeMap<>();
        Map<String, Map<ExperimentStatus, Long>> statuses = new TreeMap<>();
        Map<String, Map<CollaborationLevel, Long>> levels = new TreeMap<>();
        experiments.forEach(ExperimentSearch.everything(), e -> {
            List<String[]> keys = by == SummaryKey.PRACTICE
                    ? List.<String[]>of(new String[] {e.practiceId(), e.practiceName()})
                    : e.outcomes().stream().map(o -> new String[] {o.name(), o.name()}).toList();
            for (String[] key : keys) {
                labels.put(key[0], key[1]);
                statuses.computeIfAbsent(key[0], k -> new EnumMap<>(ExperimentStatus.class)).merge(e.status(), 1L, Long::sum);
                if (e.level() != null) {
                    levels.computeIfAbsent(key[0], k -> new EnumMap<>(CollaborationLevel.class)).merge(e.level(), 1L, Long::sum);
                }
            }
        });
        return labels.entrySet().stream()
                .map(entry -> new SummaryRow(entry.getKey(), entry.getValue(),
                        statuses.get(entry.getKey()).values().stream().mapToLong(Long::longValue).sum(),
                        statuses.get(entry.getKey()), levels.getOrDefault(entry.getKey(), Map.of())))
                .sorted(Comparator.comparing(SummaryRow::label, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The experiments matching the filters as CSV (UTF-8, comma-separated, header row), written to {@code out}. */
    public void export(ExperimentSearch filters, Writer out) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(EXPORT_HEADER).get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            experiments.forEach(filters, e -> {
                try {
                    csv.printRecord(SpreadsheetCells.safe(e.id(), e.practiceId(), e.practiceName(), e.title(), e.goal(),
                            e.level(), String.join("|", e.outcomes().stream().map(Enum::name).sorted().toList()), e.phase(),
                            e.status(), String.join("|", e.organisations()), e.startDate(), e.endDate(),
                            e.adoptedFrom() == null ? null : e.adoptedFrom().experimentId(),
                            String.join(" | ", e.lessons().stream()
                                    .map(l -> l.kind().name().toLowerCase(Locale.ROOT) + ": " + l.text()).toList())));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        }
    }
}
