package nl.mantelzorgthuis.notificationservice.notice;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * What an inbox query needs of each stored notification (id, position, time, type, keys), in memory,
 * so that reading an inbox asks the store only for the items on the page, by id. On MongoDB an index
 * answers the same query; the embedded store has none and would scan every notification under a lock
 * that holds up the writes behind it, for every page and every unread count.
 *
 * <p>Answers are exact or not given: when older notifications than these heads hold could belong in
 * the answer (memory was full, or the store held more at start), the caller asks the store. The newest
 * are kept; the capacity bounds memory (about 200 bytes a notification), and so does the bound on
 * the shared key strings.
 */
public final class InboxHeads {

    /**
     * A notification as an inbox query sees it. {@code newestSoFar} is the newest time among it and
     * every head that arrived before it: reading newest first, a query stops where nothing older can
     * still belong in its answer.
     */
    public record Head(String id, long seq, long time, String type, String[] keys, long expiresAt, long newestSoFar) {

        /** A stored notification as a head, to test it with the same rule as the heads in memory. */
        public static Head of(Notification n) {
            long time = n.change().time().toEpochMilli();
            return new Head(n.id(), n.seq(), time, n.change().type(), n.keys().toArray(String[]::new), Long.MAX_VALUE, time);
        }

        public boolean filedUnder(String key) {
            for (String k : keys) {
                // Keys are shared strings (see canonical): mostly the same instance, else unequal at once.
                if (k == key || k.equals(key)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final Comparator<Head> NEWEST_LAST = Comparator.comparingLong(Head::time).thenComparingLong(Head::seq);

    /** Arrival order in a ring: index i (counted from the start of the process) lives at {@code i % capacity}. */
    private final Head[] ring;
    private final int capacity;
    private final Clock clock;
    private volatile long start;
    private volatile long end;
    private long newestSoFar = Long.MIN_VALUE;
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final int maxNames;
    /** The newest time of a notification the store may hold and memory does not; {@code Long.MIN_VALUE}: none. */
    private volatile long floor = Long.MIN_VALUE;

    /**
     * How many distinct type names and keys are shared. Types, municipalities, organisations, terms
     * and practices are few and repeat on almost every notification; an item's own key (a social-map
     * service, an experiment) is new for each item, so without a bound the shared names would grow
     * with every item ever seen, long after its heads left memory.
     */
    static final int MAX_SHARED_NAMES = 100_000;

    public InboxHeads(int capacity, Clock clock) {
        this(capacity, MAX_SHARED_NAMES, clock);
    }

    InboxHeads(int capacity, int maxNames, Clock clock) {
        this.maxNames = maxNames;
        this.capacity = Math.max(1, capacity);
        this.ring = new Head[this.capacity];
        this.clock = clock;
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return (int) (end - start);
    }

    void add(Notification n, Instant expiresAt) {
        add(n.id(), n.seq(), n.change().time().toEpochMilli(), n.change().type(), n.keys(), expiresAt.toEpochMilli());
    }

    synchronized void add(String id, long seq, long time, String type, List<String> keys, long expiresAt) {
        String[] shared = new String[keys.size()];
        for (int i = 0; i < shared.length; i++) {
            shared[i] = share(keys.get(i));
        }
        newestSoFar = Math.max(newestSoFar, time);
        if (end - start == capacity) {
            outOfMemory(ring[slot(start)].time());
            start++;
        }
        ring[slot(end)] = new Head(id, seq, time, share(type), shared, expiresAt, newestSoFar);
        end++;
    }

    private int slot(long index) {
        return (int) (index % capacity);
    }

    /** The store holds notifications up to this time that memory does not. */
    synchronized void outOfMemory(long time) {
        if (time > floor) {
            floor = time;
        }
    }

    /** Forgets what the store forgot (past its retention); queries skip any expired head anyway. */
    synchronized void expire(Instant now) {
        long cutoff = now.toEpochMilli();
        while (start < end && ring[slot(start)].expiresAt() < cutoff) {
            ring[slot(start)] = null;
            start++;
        }
    }

    /**
     * One string for each type name and key that repeats, up to the bound: the first seen are kept,
     * and those that repeat most are among the first. A key past the bound stays the head's own
     * string, which matches by value ({@link Head#filedUnder}).
     */
    private String share(String s) {
        if (s == null) {
            return null;
        }
        String shared = names.get(s);
        if (shared != null) {
            return shared;
        }
        return names.size() < maxNames ? names.computeIfAbsent(s, k -> k) : s;
    }

    /** Distinct type names and keys shared now. */
    int sharedNames() {
        return names.size();
    }

    /** The shared instance of a key, so that matching compares references; the key itself if no head has it yet. */
    public String canonical(String key) {
        return names.getOrDefault(key, key);
    }

    /**
     * The ids at {@code skip .. skip + limit} of the matches, newest first; null when a notification
     * outside memory could be among them.
     */
    public List<String> newest(Predicate<Head> matches, long skip, int limit) {
        long wanted = skip + limit;
        long now = clock.millis();
        PriorityQueue<Head> top = new PriorityQueue<>(NEWEST_LAST);
        long last = end;
        for (long i = last - 1; i >= Math.max(start, end - capacity); i--) {
            Head h = ring[slot(i)];
            if (h == null || (top.size() == wanted && h.newestSoFar() < top.peek().time())) {
                break;
            }
            if (h.expiresAt() >= now && matches.test(h)) {
                top.add(h);
                if (top.size() > wanted) {
                    top.poll();
                }
            }
        }
        long floorNow = floor;
        if (floorNow != Long.MIN_VALUE && (top.size() < wanted || top.peek().time() <= floorNow)) {
            return null;
        }
        List<Head> sorted = new ArrayList<>(top);
        sorted.sort(NEWEST_LAST.reversed());
        return sorted.subList((int) Math.min(skip, sorted.size()), sorted.size()).stream().map(Head::id).toList();
    }

    /**
     * How many match, or -1 when a notification outside memory could: exact when memory holds all,
     * or when everything outside it is no newer than {@code after}; the predicate must then require
     * a time after {@code after}, which lets the count stop at the first head with nothing newer before it.
     */
    public long count(Predicate<Head> matches, Instant after) {
        long afterMillis = after == null ? Long.MIN_VALUE : after.toEpochMilli();
        long now = clock.millis();
        long n = 0;
        for (long i = end - 1; i >= Math.max(start, end - capacity); i--) {
            Head h = ring[slot(i)];
            if (h == null || (after != null && h.newestSoFar() <= afterMillis)) {
                break;
            }
            if (h.expiresAt() >= now && matches.test(h)) {
                n++;
            }
        }
        long floorNow = floor;
        if (floorNow != Long.MIN_VALUE && (after == null || floorNow > afterMillis)) {
            return -1;
        }
        return n;
    }
}
