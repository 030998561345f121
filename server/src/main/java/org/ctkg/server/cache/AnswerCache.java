package org.ctkg.server.cache;

import java.util.concurrent.atomic.LongAdder;

import org.apache.jena.sparql.core.DatasetGraph;
import org.ctkg.loader.tdb2.StoreInternals;
import org.ctkg.loader.tdb2.StoreInternals.WriteState;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Whole answers kept for the state of the store they were computed from (TDB2's count of write
 * transactions, {@link StoreInternals#settledWrites}), bounded in bytes (Caffeine, least valuable
 * first out). An answer is given again only while the store is in that state: once a write has
 * begun, every kept answer is dropped, and each carries its state besides, so that one computed
 * before a write and kept after it is never given. An answer is kept only if no write was under
 * way when it began and none began before it ended. Over a store that is not TDB2 nothing is kept.
 */
public final class AnswerCache {
    /** The largest answer kept, in bytes: larger ones stream through, never held whole. */
    public static final int MAX_ANSWER_BYTES = 1 << 20;

    private final DatasetGraph dsg;
    private final Cache<AnswerKey, CachedAnswer> answers;
    private final int maxAnswerBytes;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private volatile WriteState seen;

    /** A cache of at most {@code maxBytes} of answers from this store, each at most {@link #MAX_ANSWER_BYTES} (or an eighth of the whole). */
    public AnswerCache(DatasetGraph dsg, long maxBytes) {
        if (maxBytes <= 0)
            throw new IllegalArgumentException("the answer cache's size must be positive, got " + maxBytes);
        this.dsg = dsg;
        this.maxAnswerBytes = (int) Math.min(MAX_ANSWER_BYTES, maxBytes / 8);
        // Evictions run on the caller's thread: the bound holds at once, without a pool's task per write.
        this.answers = Caffeine.newBuilder().maximumWeight(maxBytes).weigher((AnswerKey k, CachedAnswer a) -> k.weight() + a.weight())
                .executor(Runnable::run).recordStats().build();
    }

    /** The answer kept for this request in the store's present state, or null (a miss). */
    CachedAnswer answer(AnswerKey key) {
        WriteState now = StoreInternals.writes(dsg);
        CachedAnswer kept = null;
        if (now != null) {
            forgetBefore(now);
            kept = answers.getIfPresent(key);
        }
        if (kept != null && kept.state().equals(now)) {
            hits.increment();
            return kept;
        }
        misses.increment();
        return null;
    }

    /** The state an answer computed from now will be kept for; null when none would be (a write is under way, or not TDB2). */
    WriteState settled() {
        return StoreInternals.settledWrites(dsg);
    }

    /** Keeps the answer, unless a write has begun since its state (then it may be of either). */
    void keep(AnswerKey key, CachedAnswer answer) {
        if (answer == null || !answer.state().equals(StoreInternals.writes(dsg)))
            return;
        forgetBefore(answer.state());
        answers.put(key, answer);
    }

    /** The largest answer kept, in bytes. */
    int maxAnswerBytes() {
        return maxAnswerBytes;
    }

    /** Drops the answers of earlier states once the store has moved on. */
    private void forgetBefore(WriteState now) {
        if (now.equals(seen))
            return;
        synchronized (this) {
            if (!now.equals(seen)) {
                answers.invalidateAll();
                seen = now;
            }
        }
    }

    /** Drops every answer. */
    public void clear() {
        answers.invalidateAll();
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    public long evictions() {
        return answers.stats().evictionCount();
    }

    /** How many answers are kept. */
    public long size() {
        return answers.estimatedSize();
    }

    /** About how many bytes the kept answers take. */
    public long bytes() {
        return answers.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }
}
