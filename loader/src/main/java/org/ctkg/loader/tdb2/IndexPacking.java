package org.ctkg.loader.tdb2;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.atlas.lib.tuple.TupleMap;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.trans.bplustree.BPTStateMgr;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.dboe.trans.bplustree.BPlusTreeParams;
import org.apache.jena.dboe.trans.bplustree.rewriter.BPlusTreeRewriter;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;

/**
 * Builds a quad index's B+tree bottom-up from sorted runs, the way TDB2's xloader builds its
 * indexes ({@link BPlusTreeRewriter}): leaves packed full, in key order, then each level above,
 * instead of a random insert per quad. The runs must hold every quad the index is to have; the
 * tree the index held before is replaced.
 *
 * <p>Runs outside any transaction on the index, in a store nobody else uses (a generation being
 * built): the new tree's root and block limits go straight to the index's state file, where a
 * transaction's commit would write back the root it began with. The store must be reopened after.
 */
final class IndexPacking {
    private IndexPacking() {}

    /** The columns of a row (primary order) in the index's key order: key slot i holds column cols[i]. */
    static int[] columns(TupleIndex index) {
        TupleMap map = index.getMapping();
        int[] cols = new int[4];
        for (int i = 0; i < 4; i++)
            cols[i] = map.getSlotIdx(i);
        return cols;
    }

    /** Replaces the index's tree with one holding the runs' rows, each once. */
    static void pack(TupleIndex index, List<SortedRun> runs) {
        if (runs.stream().allMatch(r -> r.size() == 0))
            return;   // nothing held nor added: the (empty) tree stays as it is
        BPlusTree tree = (BPlusTree) ((TupleIndexRecord) index).getRangeIndex();
        Merged merged = new Merged(runs, tree.getRecordFactory());
        // The rewriter reads the tree's state and writes the new root into block 0, which is where
        // a fresh index has it; a tree that transactions wrote has moved its root elsewhere.
        BPTStateMgr state = tree.getStateManager();
        state.setState(BPlusTreeParams.RootId, state.getNodeBlocksLimit(), state.getRecordsBlocksLimit());
        state.writeState();
        BPlusTreeRewriter.packIntoBPlusTree(merged, tree.getParams(), tree.getRecordFactory(),
                tree.getStateManager().getBufferChannel(), tree.getNodeManager().getBlockMgr(), tree.getRecordsMgr().getBlockMgr());
    }

    /** The runs merged in key order (a binary heap over their heads), duplicates dropped, as records. */
    private static final class Merged implements Iterator<Record> {
        private final List<SortedRun> runs;
        private final RecordFactory factory;
        /** Each run's next quad's keys (flipped), in slot order, and where it is. */
        private final long[][] head;
        private final int[] at;
        private final int[] heap;
        private int size;
        private final long[] last = new long[4];
        private boolean any;
        private Record next;

        Merged(List<SortedRun> runs, RecordFactory factory) {
            this.runs = runs;
            this.factory = factory;
            this.head = new long[runs.size()][4];
            this.at = new int[runs.size()];
            this.heap = new int[runs.size()];
            for (int r = 0; r < runs.size(); r++)
                if (runs.get(r).size() > 0) {
                    runs.get(r).quad(0, head[r]);
                    push(r);
                }
            advance();
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Record next() {
            if (next == null)
                throw new NoSuchElementException();
            Record r = next;
            advance();
            return r;
        }

        private void advance() {
            next = null;
            while (size > 0) {
                int r = heap[0];
                long[] quad = head[r];
                boolean again = any && Arrays.equals(quad, last);
                if (!again) {
                    System.arraycopy(quad, 0, last, 0, 4);
                    any = true;
                    byte[] key = new byte[4 * Long.BYTES];
                    for (int i = 0; i < 4; i++)
                        Bytes.setLong(quad[i] ^ Long.MIN_VALUE, key, i * Long.BYTES);
                    next = factory.create(key);
                }
                if (++at[r] < runs.get(r).size())
                    runs.get(r).quad(at[r], quad);
                else
                    heap[0] = heap[--size];
                if (size > 0)
                    siftDown(0);
                if (!again)
                    return;   // else the same quad again: in the file twice, or already in the store
            }
        }

        private int compare(int r1, int r2) {
            long[] a = head[r1], b = head[r2];
            for (int i = 0; i < 4; i++) {
                int c = Long.compare(a[i], b[i]);
                if (c != 0)
                    return c;
            }
            return 0;
        }

        private void push(int r) {
            int i = size++;
            heap[i] = r;
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (compare(heap[i], heap[parent]) >= 0)
                    break;
                int t = heap[i]; heap[i] = heap[parent]; heap[parent] = t;
                i = parent;
            }
        }

        private void siftDown(int i) {
            while (true) {
                int l = 2 * i + 1, r = l + 1, least = i;
                if (l < size && compare(heap[l], heap[least]) < 0) least = l;
                if (r < size && compare(heap[r], heap[least]) < 0) least = r;
                if (least == i)
                    return;
                int t = heap[i]; heap[i] = heap[least]; heap[least] = t;
                i = least;
            }
        }
    }
}
