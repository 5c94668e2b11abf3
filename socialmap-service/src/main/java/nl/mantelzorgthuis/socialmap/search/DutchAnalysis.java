package nl.mantelzorgthuis.socialmap.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The analysis of Dutch social-map texts. Indexing: words, lower-cased and accent-folded
 * ("café" = "cafe"), expanded with the synonyms kept as data (search/synonyms.txt), joined with
 * their neighbour so a compound written apart still matches ("respijt zorg" also gives
 * "respijtzorg"), and stemmed with the Snowball Dutch stemmer ("logeerhuizen" ~ "logeerhuis").
 * Queries: the same without synonyms and joins (the index holds those); typo tolerance and split
 * compounds are handled when the query is built ({@link OfferIndex}).
 */
final class DutchAnalysis {

    private DutchAnalysis() {
    }

    static Analyzer indexAnalyzer(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                stream = new FlattenGraphFilter(new SynonymGraphFilter(stream, synonyms, true));
                ShingleFilter joined = new ShingleFilter(stream, 2, 2);
                joined.setTokenSeparator("");
                joined.setOutputUnigrams(true);
                joined.setFillerToken("");
                return new TokenStreamComponents(source, new SnowballFilter(joined, "Dutch"));
            }
        };
    }

    static Analyzer queryAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                return new TokenStreamComponents(source, new SnowballFilter(stream, "Dutch"));
            }
        };
    }

    /** Reads the synonyms (Solr format) from the classpath; words are folded like the texts they apply to. */
    static SynonymMap synonyms(String resource) {
        Analyzer words = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
            }
        };
        try (InputStream in = DutchAnalysis.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No synonyms at " + resource);
            }
            SolrSynonymParser parser = new SolrSynonymParser(true, true, words);
            parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("Synonyms at " + resource + " are not in Solr format: " + e.getMessage(), e);
        } finally {
            words.close();
        }
    }

}
