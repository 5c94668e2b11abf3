package nl.mantelzorgthuis.experimentservice.experiment;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import nl.mantelzorgthuis.experimentservice.experiment.domain.Experiment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The experiment lists, searches, summaries and exports are served from this in-memory catalogue of
 * experiment summaries, not by querying MongoDB per request: filtering and sorting ten thousand
 * summaries in memory takes well under a millisecond, while the embedded store (no usable indexes,
 * no {@code $text}) scans and sorts every document on each query. MongoDB stays the source of truth:
 * the catalogue is loaded from it at start, this instance's own writes are applied at once (read your
 * writes), and every {@code refresh} it reads what other replicas changed since its last look
 * ({@code updatedAt}, minus a margin for clock skew between replicas). Summaries carry their version,
 * so an older state never replaces a newer one.
 */
@Component
public class ExperimentCatalogue {

    private static final Logger log = LoggerFactory.getLogger(ExperimentCatalogue.class);
    private static final Comparator<ExperimentSummary> BY_TITLE = Comparator.comparing(ExperimentSummary::title)
            .thenComparing(ExperimentSummary::id);
    static final Comparator<ExperimentSummary> BY_PRACTICE = Comparator.comparing(ExperimentSummary::practiceName)
            .thenComparing(BY_TITLE);

    private final ExperimentStore store;
    private final Duration refresh;
    private final Duration skew;
    private final Map<String, ExperimentSummary> summaries = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("experiment-catalogue").daemon().factory());
    private volatile Instant seenUpTo = Instant.EPOCH;
    /** The summaries in title order, rebuilt on the first read after a change: reads far outnumber writes. */
    private volatile List<ExperimentSummary> sorted;

    ExperimentCatalogue(ExperimentStore store, MeterRegistry meters,
            @Value("${experiment.catalogue.refresh:1s}") Duration refresh,
            @Value("${experiment.catalogue.clock-skew:10s}") Duration skew) {
        this.store = store;
        this.refresh = refresh;
        this.skew = skew;
        Gauge.builder("experiment.catalogue.size", summaries, Map::size).description("Experiments in the in-memory catalogue")
                .register(meters);
        reload(Instant.EPOCH);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        refresher.scheduleWithFixedDelay(this::safeRefresh, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }

    /** A write of this instance, visible to its next read. */
    void written(Experiment experiment) {
        apply(ExperimentSummary.of(experiment));
    }

    ExperimentPage search(ExperimentSearch search) {
        Predicate<ExperimentSummary> matches = predicate(search);
        long from = (long) search.page() * search.pageSize();
        List<ExperimentSummary> items = new java.util.ArrayList<>(search.pageSize());
        int total = 0;
        for (ExperimentSummary summary : inTitleOrder()) {
            if (matches.test(summary)) {
                if (total >= from && items.size() < search.pageSize()) {
                    items.add(summary);
                }
                total++;
            }
        }
        int pages = (total + search.pageSize() - 1) / search.pageSize();
        return new ExperimentPage(items, new ExperimentPage.PageInfo(search.page(), search.pageSize(), total, pages));
    }

    private List<ExperimentSummary> inTitleOrder() {
        List<ExperimentSummary> current = sorted;
        if (current == null) {
            current = summaries.values().stream().sorted(BY_TITLE).toList();
            sorted = current;
        }
        return current;
    }

    Stream<ExperimentSummary> matching(ExperimentSearch search) {
        return summaries.values().stream().filter(predicate(search));
    }

    private void safeRefresh() {
        try {
            reload(seenUpTo.minus(skew));
        } catch (RuntimeException e) {
            log.warn("Catalogue refresh failed, will retry: {}", e.toString());
        }
    }

    private void reload(Instant since) {
        Instant startedAt = Instant.now();
        int[] count = {0};
        store.changedSince(since, summary -> {
            apply(summary);
            count[0]++;
        });
        seenUpTo = startedAt;
        if (since.equals(Instant.EPOCH)) {
            log.info("Experiment catalogue loaded: {} experiments", count[0]);
        }
    }

    private void apply(ExperimentSummary summary) {
        ExperimentSummary kept = summaries.merge(summary.id(), summary, (old, next) -> next.version() >= old.version() ? next : old);
        if (kept == summary) {
            sorted = null;
        }
    }

    private static Predicate<ExperimentSummary> predicate(ExperimentSearch s) {
        String text = s.text() == null ? null : s.text().trim().toLowerCase(Locale.ROOT);
        String organisation = s.organisation() == null ? null : s.organisation().trim().toLowerCase(Locale.ROOT);
        return e -> (s.practiceId() == null || s.practiceId().equals(e.practiceId()))
                && (s.level() == null || s.level() == e.level())
                && (s.outcome() == null || e.outcomes().contains(s.outcome()))
                && (s.status() == null || s.status() == e.status())
                && (s.phase() == null || s.phase() == e.phase())
                && (organisation == null || e.organisations().stream().anyMatch(o -> o.trim().toLowerCase(Locale.ROOT).equals(organisation)))
                && (s.adoptedFrom() == null || e.adoptedFrom() != null && s.adoptedFrom().equals(e.adoptedFrom().experimentId()))
                && (text == null || contains(e.title(), text) || contains(e.goal(), text) || contains(e.designQuestion(), text)
                        || e.lessons().stream().anyMatch(l -> contains(l.text(), text)));
    }

    private static boolean contains(String field, String lowerCaseText) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(lowerCaseText);
    }
}
