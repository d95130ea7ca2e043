package org.dragonflyclient.core.internal.resp;

import java.io.InputStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A stream that hands out its bytes in chunks whose sizes cycle through a pattern, like a socket
 * under varying load, and remembers which arrays it was asked to fill.
 */
final class ChunkedInputStream extends InputStream {

    private final byte[] data;
    private final int[] pattern;
    private final Set<byte[]> targets = Collections.newSetFromMap(new IdentityHashMap<>());
    private int position;
    private int reads;

    ChunkedInputStream(byte[] data, int... pattern) {
        this.data = data;
        this.pattern = pattern;
    }

    @Override
    public int read() {
        throw new UnsupportedOperationException("the decoder reads into arrays");
    }

    @Override
    public int read(byte[] b, int off, int len) {
        targets.add(b);
        int chunk = pattern[reads++ % pattern.length];
        if (len == 0) {
            return 0;
        }
        if (position == data.length) {
            return -1;
        }
        int n = Math.min(Math.min(chunk, len), data.length - position);
        System.arraycopy(data, position, b, off, n);
        position += n;
        return n;
    }

    /** Number of read calls so far. */
    int reads() {
        return reads;
    }

    /** Whether the stream was asked to fill this very array. */
    boolean filled(byte[] array) {
        return targets.contains(array);
    }
}
