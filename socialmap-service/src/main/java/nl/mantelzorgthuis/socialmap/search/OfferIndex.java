package nl.mantelzorgthuis.socialmap.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import nl.mantelzorgthuis.socialmap.offer.domain.Location;
import nl.mantelzorgthuis.socialmap.offer.domain.OpeningHours;
import nl.mantelzorgthuis.socialmap.offer.domain.Offer;
import nl.mantelzorgthuis.socialmap.offer.domain.OfferStatus;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntRange;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public search, served from a Lucene index in this replica's memory: MongoDB (and the embedded
 * store) has no {@code $text} or geo operators that behave the same everywhere, so search never asks
 * the database. The index is rebuilt from the service's own data at start (and on demand) and kept
 * current with every change, whichever replica made it (see SearchIndexUpdates); each entry keeps its
 * version, so an older state never replaces a newer one.
 */
@Component
public class OfferIndex {

    private static final Logger log = LoggerFactory.getLogger(OfferIndex.class);
    static final String[] FACETS = {"taxonomyTerm", "area", "funding", "cost", "language"};
    /** Indexed as a facet dimension for listing organisations; not part of the facet counts searches return. */
    private static final String ORGANIZATION = "organization";
    private static final int MAX_QUERY_WORDS = 8;

    private final JsonMapper json;
    private final Clock clock;
    private final Analyzer queryAnalyzer = DutchAnalysis.queryAnalyzer();
    private final FacetsConfig facets = new FacetsConfig();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private final IndexDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final io.micrometer.core.instrument.Timer rebuilds;
    /** Set by writes; the next search refreshes first, so a reader sees its own write without a reopen per write. */
    private volatile boolean changed;
    /**
     * Entries of recent hits as objects, by id: reading a hit's stored JSON and parsing it was a quarter
     * of a search's time (JFR, 100,000 entries). An entry is used only at the version the index has.
     */
    private final com.github.benmanes.caffeine.cache.Cache<String, Offer> parsed = com.github.benmanes.caffeine.cache.Caffeine
            .newBuilder().maximumSize(PARSED_ENTRIES).build();
    static final int PARSED_ENTRIES = 20_000;
    /** Counts changes, so views built from the indexed entries know when to build again. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    /** While a rebuild runs, searches keep the last complete index instead of a half-built one. */
    private volatile boolean rebuilding;

    OfferIndex(JsonMapper json, Clock clock, MeterRegistry meters, SearchIndexProperties properties) {
        this.json = json;
        this.clock = clock;
        for (String dimension : FACETS) {
            facets.setMultiValued(dimension, true);
        }
        try {
            directory = IndexDirectory.open(properties);
            // CREATE: whatever an earlier process left in a configured directory is replaced, as the index is rebuilt anyway.
            writer = new IndexWriter(directory.lucene(), new IndexWriterConfig(
                    DutchAnalysis.indexAnalyzer(DutchAnalysis.synonyms("/search/synonyms.txt"))).setRAMBufferSizeMB(64)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    // Entries near each other on the map near each other in the index (a Morton order of their
                    // first place): a search around a place reads its matches' postings and points from few blocks.
                    .setIndexSort(new Sort(new SortField(NEARNESS, SortField.Type.LONG))));
            writer.commit();
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Gauge.builder("socialmap.index.services", versions, Map::size).description("Offers in this replica's search index")
                .register(meters);
        rebuilds = io.micrometer.core.instrument.Timer.builder("socialmap.index.rebuild")
                .description("Time to rebuild this replica's search index from the store").register(meters);
    }

    /** Indexes this state of an entry unless the index already has it or a newer one. */
    public void apply(Offer entry) {
        Long indexed = versions.get(entry.id());
        if (indexed != null && indexed >= entry.version()) {
            return;
        }
        try {
            writer.updateDocument(new Term("id", entry.id()), facets.build(document(entry)));
            versions.put(entry.id(), entry.version());
            changed = true;
            generation.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the whole index with {@code entries}; returns how many were indexed. */
    public synchronized int rebuild(Stream<Offer> entries) {
        rebuilding = true;
        long started = System.nanoTime();
        try {
            writer.deleteAll();
            versions.clear();
            int[] count = {0};
            // updateDocument, not addDocument: a change indexed meanwhile must not end up twice.
            entries.forEach(entry -> {
                try {
                    writer.updateDocument(new Term("id", entry.id()), facets.build(document(entry)));
                    versions.merge(entry.id(), entry.version(), Math::max);
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            // One segment: a search sets up its postings, points and facet ordinals once per segment.
            writer.forceMerge(1);
            writer.commit();
            searchers.maybeRefreshBlocking();
            generation.incrementAndGet();
            log.info("Search index rebuilt: {} services", count[0]);
            return count[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            rebuilding = false;
            rebuilds.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** Where the index files are. */
    java.nio.file.Path path() {
        return directory.path();
    }

    /** Goes up with every change the index takes. */
    public long generation() {
        return generation.get();
    }

    public int size() {
        return versions.size();
    }

    public SearchResult search(SearchRequest request) {
        try {
            IndexSearcher searcher = acquireCurrent();
            try {
                return search(searcher, request);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The organisations that have entries, by name, from the index's own facet ordinals (no store access). */
    public List<String> organizations() {
        try {
            IndexSearcher searcher = acquireCurrent();
            try {
                SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
                if (state == null) {
                    return List.of();
                }
                FacetResult all = new SortedSetDocValuesFacetCounts(state).getAllChildren(ORGANIZATION);
                return all == null ? List.of() : java.util.Arrays.stream(all.labelValues).map(lv -> lv.label)
                        .sorted(String.CASE_INSENSITIVE_ORDER).toList();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A searcher that sees every write so far, unless a rebuild is running (then the last complete index). */
    private IndexSearcher acquireCurrent() throws IOException {
        if (changed && !rebuilding) {
            changed = false;
            searchers.maybeRefreshBlocking();
        }
        return searchers.acquire();
    }

    /**
     * Words the index does not know, probably misspelt: only these are matched with typo tolerance.
     * Fuzzy matching walks the term dictionary and is the costliest part of a query, so known words
     * are matched exactly.
     */
    private static java.util.Set<String> unknownWords(IndexSearcher searcher, List<String> words) throws IOException {
        java.util.Set<String> unknown = new java.util.HashSet<>();
        for (String word : words) {
            if (searcher.getIndexReader().docFreq(new Term("name", word)) == 0
                    && searcher.getIndexReader().docFreq(new Term("text", word)) == 0) {
                unknown.add(word);
            }
        }
        return unknown;
    }

    private FacetsCollectorManager.FacetsResult run(IndexSearcher searcher, SearchRequest r, List<String> words,
            java.util.Set<String> fuzzy) throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(words.isEmpty() ? new MatchAllDocsQuery() : textQuery(words, fuzzy), words.isEmpty() ? Occur.FILTER : Occur.MUST);
        query.add(new TermQuery(new Term("status", OfferStatus.ACTIVE.name())), Occur.FILTER);
        if (r.hasPoint() && r.radiusKm() != null) {
            query.add(LatLonPoint.newDistanceQuery("point", r.latitude(), r.longitude(), r.radiusKm() * 1000), Occur.FILTER);
        }
        filter(query, "area", r.area());
        filter(query, "taxonomyTerm", r.taxonomyTerm());
        filter(query, "funding", r.funding() == null ? null : r.funding().name());
        filter(query, "cost", r.cost() == null ? null : r.cost().name());
        filter(query, "language", r.language());
        if (r.openDay() != null && r.openTime() != null) {
            int minute = r.openTime().getHour() * 60 + r.openTime().getMinute();
            query.add(IntRange.newContainsQuery("open" + r.openDay().name(), new int[] {minute}, new int[] {minute}), Occur.FILTER);
        }
        if (r.age() != null) {
            query.add(IntRange.newContainsQuery("age", new int[] {r.age()}, new int[] {r.age()}), Occur.FILTER);
        }
        // With a point, nearest first (score breaks ties); otherwise by relevance, then name.
        Sort sort = r.hasPoint()
                ? new Sort(LatLonDocValuesField.newDistanceSort("point", r.latitude(), r.longitude()), SortField.FIELD_SCORE)
                : words.isEmpty() ? new Sort(new SortField("nameSort", SortField.Type.STRING)) : new Sort(SortField.FIELD_SCORE,
                        new SortField("nameSort", SortField.Type.STRING));
        int wanted = (r.page() + 1) * r.pageSize();
        // No scores for the top hits afterwards (doDocScores false): nothing reads them, and scoring them
        // again was a tenth of a search; sorting by score still scores while collecting.
        return FacetsCollectorManager.search(searcher, query.build(), Math.max(wanted, 1), sort, false, new FacetsCollectorManager());
    }

    private SearchResult search(IndexSearcher searcher, SearchRequest r) throws IOException {
        List<String> words = words(r.text());
        FacetsCollectorManager.FacetsResult result = run(searcher, r, words, unknownWords(searcher, words));
        TopDocs top = result.topDocs();
        Instant now = clock.instant();
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (int i = r.page() * r.pageSize(); i < top.scoreDocs.length; i++) {
            ScoreDoc hit = top.scoreDocs[i];
            Offer entry = entry(searcher, hit.doc);
            Double distance = r.hasPoint() && hit instanceof FieldDoc field && field.fields[0] instanceof Double meters
                    && !meters.isInfinite() ? Math.round(meters / 100.0) / 10.0 : null;
            hits.add(new SearchResult.Hit(entry, distance, entry.needsVerification(now)));
        }
        long total = top.totalHits.value();
        int pages = (int) ((total + r.pageSize() - 1) / r.pageSize());
        return new SearchResult(hits, facetCounts(searcher, result), new SearchResult.PageInfo(r.page(), r.pageSize(), total, pages),
                List.of(), null);
    }

    /** A hit's entry: from the parsed entries when they have it at the indexed version, else from its stored JSON. */
    private Offer entry(IndexSearcher searcher, int doc) throws IOException {
        var leaves = searcher.getIndexReader().leaves();
        var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
        var ids = leaf.reader().getSortedDocValues("idValue");
        String id = ids != null && ids.advanceExact(doc - leaf.docBase) ? ids.lookupOrd(ids.ordValue()).utf8ToString() : null;
        Long indexed = id == null ? null : versions.get(id);
        Offer known = id == null ? null : parsed.getIfPresent(id);
        if (known != null && indexed != null && known.version() == indexed) {
            return known;
        }
        Offer entry = json.readValue(searcher.storedFields().document(doc).get("json"), Offer.class);
        if (indexed != null && entry.version() == indexed) {
            parsed.put(entry.id(), entry);
        }
        return entry;
    }

    private Map<String, Map<String, Integer>> facetCounts(IndexSearcher searcher, FacetsCollectorManager.FacetsResult result)
            throws IOException {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (String dimension : FACETS) {
            counts.put(dimension, new LinkedHashMap<>());
        }
        SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
        if (state == null) {
            return counts; // no document has facet values yet
        }
        Facets facetCounts = new SortedSetDocValuesFacetCounts(state, result.facetsCollector());
        for (String dimension : FACETS) {
            FacetResult top;
            try {
                top = facetCounts.getTopChildren(100, dimension);
            } catch (IllegalArgumentException absent) {
                continue; // no document has this dimension yet
            }
            if (top != null) {
                for (LabelAndValue lv : top.labelValues) {
                    counts.get(dimension).put(lv.label, lv.value.intValue());
                }
            }
        }
        return counts;
    }

    private record FacetState(org.apache.lucene.index.IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    private volatile FacetState facetState;

    /** The facet ordinals of a reader, built once per reader (costly: it walks every facet value in the index). */
    private SortedSetDocValuesReaderState facetState(org.apache.lucene.index.IndexReader reader) throws IOException {
        FacetState current = facetState;
        if (current != null && current.reader() == reader) {
            return current.state();
        }
        try {
            SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, facets);
            facetState = new FacetState(reader, state);
            return state;
        } catch (IllegalArgumentException empty) {
            return null;
        }
    }

    /**
     * Every word must match, in the name (weighted higher) or the other texts, exactly (after
     * stemming) or, for words the index does not know, with a typo or two; two neighbouring words may
     * also match as one compound ("respijt zorg" finds "respijtzorg").
     */
    private static Query textQuery(List<String> words, java.util.Set<String> fuzzy) {
        BooleanQuery.Builder alternatives = new BooleanQuery.Builder();
        alternatives.add(allOf(words, fuzzy), Occur.SHOULD);
        for (int i = 0; i + 1 < words.size(); i++) {
            List<String> joined = new ArrayList<>(words.subList(0, i));
            joined.add(words.get(i) + words.get(i + 1));
            joined.addAll(words.subList(i + 2, words.size()));
            alternatives.add(allOf(joined, fuzzy), Occur.SHOULD);
        }
        return alternatives.build();
    }

    private static Query allOf(List<String> words, java.util.Set<String> fuzzy) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : words) {
            BooleanQuery.Builder matches = new BooleanQuery.Builder();
            for (String field : List.of("name", "text")) {
                float boost = field.equals("name") ? 3f : 1f;
                matches.add(new BoostQuery(new TermQuery(new Term(field, word)), boost * 2), Occur.SHOULD);
                int edits = word.length() >= 8 ? 2 : word.length() >= 4 ? 1 : 0;
                if (fuzzy.contains(word) && edits > 0) {
                    matches.add(new BoostQuery(new FuzzyQuery(new Term(field, word), edits, 1, 50, true), boost), Occur.SHOULD);
                }
            }
            all.add(matches.build(), Occur.MUST);
        }
        return all.build();
    }

    private List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        try (TokenStream stream = queryAnalyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && words.size() < MAX_QUERY_WORDS) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private static void filter(BooleanQuery.Builder query, String field, String value) {
        if (value != null && !value.isBlank()) {
            query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    private Document document(Offer e) {
        Document doc = new Document();
        doc.add(new StringField("id", e.id(), Field.Store.YES));
        // The id per hit without decoding stored fields (see parsed).
        doc.add(new org.apache.lucene.document.SortedDocValuesField("idValue", new org.apache.lucene.util.BytesRef(e.id())));
        doc.add(new StringField("status", e.status().name(), Field.Store.NO));
        doc.add(new TextField("name", e.name() + (e.alternateName() == null ? "" : " " + e.alternateName()), Field.Store.NO));
        StringBuilder text = new StringBuilder();
        append(text, e.description());
        append(text, e.organization());
        append(text, e.costDescription());
        e.taxonomyTerms().forEach(term -> append(text, term.replace('-', ' ')));
        e.locations().forEach(l -> append(text, l.city()));
        doc.add(new TextField("text", text.toString(), Field.Store.NO));
        doc.add(new org.apache.lucene.document.SortedDocValuesField("nameSort",
                new org.apache.lucene.util.BytesRef(e.name().toLowerCase(java.util.Locale.ROOT))));
        doc.add(new SortedSetDocValuesFacetField(ORGANIZATION, e.organization()));
        for (String term : e.taxonomyTerms()) {
            keyword(doc, "taxonomyTerm", term);
        }
        java.util.Set<String> areas = new java.util.LinkedHashSet<>(e.serviceAreas());
        for (String area : areas) {
            keyword(doc, "area", area);
        }
        e.fundingRoutes().forEach(f -> keyword(doc, "funding", f.name()));
        if (e.cost() != null) {
            keyword(doc, "cost", e.cost().name());
        }
        e.languages().forEach(language -> keyword(doc, "language", language));
        for (Location location : e.locations()) {
            if (location.hasPoint()) {
                doc.add(new LatLonPoint("point", location.latitude(), location.longitude()));
                doc.add(new LatLonDocValuesField("point", location.latitude(), location.longitude()));
            }
        }
        doc.add(new org.apache.lucene.document.NumericDocValuesField(NEARNESS, e.locations().stream().filter(Location::hasPoint)
                .findFirst().map(OfferIndex::nearness).orElse(Long.MAX_VALUE))); // entries without a place last
        for (OpeningHours hours : e.schedules()) {
            int opens = hours.opensAt().getHour() * 60 + hours.opensAt().getMinute();
            int closes = hours.closesAt().getHour() * 60 + hours.closesAt().getMinute() - 1;
            doc.add(new IntRange("open" + hours.day().name(), new int[] {opens}, new int[] {Math.max(opens, closes)}));
        }
        doc.add(new IntRange("age", new int[] {e.minimumAge() == null ? 0 : e.minimumAge()},
                new int[] {e.maximumAge() == null ? 150 : e.maximumAge()}));
        doc.add(new StoredField("json", json.writeValueAsString(e)));
        return doc;
    }

    private static void keyword(Document doc, String field, String value) {
        doc.add(new StringField(field, value, Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField(field, value));
    }

    private static void append(StringBuilder text, String value) {
        if (value != null && !value.isBlank()) {
            text.append(value).append('\n');
        }
    }

    private static final String NEARNESS = "nearness";

    /** A Morton (Z-order) code of the place: nearby places get nearby codes, most of the time. */
    private static long nearness(Location place) {
        return org.apache.lucene.util.BitUtil.interleave(
                org.apache.lucene.geo.GeoEncodingUtils.encodeLongitude(place.longitude()) ^ Integer.MIN_VALUE,
                org.apache.lucene.geo.GeoEncodingUtils.encodeLatitude(place.latitude()) ^ Integer.MIN_VALUE);
    }

    @PreDestroy
    void close() throws IOException {
        try (directory) {
            searchers.close();
            writer.close();
        }
    }

}
