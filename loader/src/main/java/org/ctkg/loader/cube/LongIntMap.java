package org.ctkg.loader.cube;

import java.util.Arrays;

/**
 * A map from long keys to int values by open addressing, without boxing: the counts of millions
 * of (record, table) visits go through it in one pass, where a {@code HashMap<Long, …>} would
 * allocate for each.
 */
final class LongIntMap {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private int[] values;
    private int size;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(keys, EMPTY);
    }

    /** Adds one to the key's value (absent: 0). */
    void increment(long key) {
        int i = slot(key);
        if (keys[i] == EMPTY) {
            keys[i] = key;
            if (++size * 2 > keys.length)
                grow();
            i = slot(key);
        }
        values[i]++;
    }

    /** The key's value, or {@code absent}. */
    int get(long key, int absent) {
        int i = slot(key);
        return keys[i] == EMPTY ? absent : values[i];
    }

    /** The key's value; when absent, {@code next} is stored for it and returned. */
    int getOrPut(long key, int next) {
        int i = slot(key);
        if (keys[i] != EMPTY)
            return values[i];
        keys[i] = key;
        values[i] = next;
        if (++size * 2 > keys.length)
            grow();
        return next;
    }

    int size() {
        return size;
    }

    /** Calls {@code each} for every entry, in no particular order. */
    void forEach(Entry each) {
        for (int i = 0; i < keys.length; i++)
            if (keys[i] != EMPTY)
                each.accept(keys[i], values[i]);
    }

    /** One entry. */
    interface Entry {
        void accept(long key, int value);
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int i = (int) (mix(key) & mask);
        while (keys[i] != EMPTY && keys[i] != key)
            i = (i + 1) & mask;
        return i;
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return k;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++)
            if (oldKeys[i] != EMPTY) {
                int j = slot(oldKeys[i]);
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
            }
    }
}
