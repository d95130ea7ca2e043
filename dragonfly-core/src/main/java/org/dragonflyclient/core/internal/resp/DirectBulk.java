package org.dragonflyclient.core.internal.resp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A large bulk-like value being received into an array of its own (the decoder's direct mode).
 * The array starts at {@value #INITIAL_CAPACITY} bytes at most and doubles only when the bytes
 * received fill it, so its size follows what the server actually sent, never what it announced;
 * it ends exactly as long as the value.
 */
final class DirectBulk {

    /** The most a server can make the client allocate by announcing a length: 1 MiB. */
    static final int INITIAL_CAPACITY = 1024 * 1024;

    private final int length;
    private byte[] array;
    private int filled;

    /**
     * Starts receiving a value.
     *
     * @param length the announced length, already checked against maxBulkLength
     */
    DirectBulk(int length) {
        this.length = length;
        this.array = new byte[Math.min(length, INITIAL_CAPACITY)];
    }

    /** Whether every byte of the payload arrived (its CRLF is read from the buffer). */
    boolean isComplete() {
        return filled == length;
    }

    /**
     * Copies payload bytes from the read buffer, never past the end of the payload.
     *
     * @return the number of bytes taken
     */
    int fill(byte[] src, int offset, int available) {
        int n = Math.min(available, length - filled);
        if (n > 0) {
            ensureCapacity(filled + n);
            System.arraycopy(src, offset, array, filled, n);
            filled += n;
        }
        return n;
    }

    /**
     * Performs one read straight into the array, never past the end of the payload: the array is
     * never longer than the value.
     *
     * @return what {@link InputStream#read(byte[], int, int)} returned
     */
    int readFrom(InputStream in) throws IOException {
        ensureCapacity(filled + 1);
        int n = in.read(array, filled, array.length - filled);
        if (n > 0) {
            filled += n;
        }
        return n;
    }

    /** The value, once complete: an array of exactly its length. */
    byte[] value() {
        return array;
    }

    /** The announced length. */
    int length() {
        return length;
    }

    /** The current capacity of the array. */
    int capacity() {
        return array.length;
    }

    /** Doubles the array until it holds {@code needed} bytes, never past the announced length. */
    private void ensureCapacity(int needed) {
        int capacity = array.length;
        if (needed <= capacity) {
            return;
        }
        while (capacity < needed) {
            capacity = (int) Math.min(length, 2L * capacity);
        }
        array = Arrays.copyOf(array, capacity);
    }
}
