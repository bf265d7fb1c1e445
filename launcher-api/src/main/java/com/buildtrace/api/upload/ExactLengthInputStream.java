package com.buildtrace.api.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that must hold exactly {@code length} bytes: reading stops there, a body that ends earlier (or
 * breaks off) fails the read, and {@link #requireEnd()} fails for one that goes on.
 */
final class ExactLengthInputStream extends FilterInputStream {

    /** The body is not of the length announced (it ended early, broke off, or has more). */
    static final class WrongLengthException extends IOException {

        WrongLengthException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final long length;

    private long read;

    ExactLengthInputStream(InputStream in, long length) {
        super(in);
        this.length = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (read == length) {
            return -1;
        }
        int n;
        try {
            n = in.read(b, off, (int) Math.min(len, length - read));
        } catch (IOException e) {
            throw new WrongLengthException("broke off after " + read + " bytes (" + e.getMessage() + ")", e);
        }
        if (n == -1) {
            throw new WrongLengthException("ended after " + read + " bytes", null);
        }
        read += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("a chunk is read whole");
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), length - read);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Checks the body holds nothing after the bytes read. */
    void requireEnd() throws WrongLengthException {
        try {
            if (read != length || in.read() != -1) {
                throw new WrongLengthException("has more than " + length + " bytes", null);
            }
        } catch (WrongLengthException e) {
            throw e;
        } catch (IOException e) {
            throw new WrongLengthException("broke off after " + read + " bytes (" + e.getMessage() + ")", e);
        }
    }

    /** Leaves the request's stream to the server. */
    @Override
    public void close() {
    }
}
