package dev.aio.launcher.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The messages between {@code aio run}'s client and the daemon, over one Unix-domain socket: a
 * type byte, a length and that many bytes (as Nailgun's chunks). The client opens with
 * {@link #RUN}; then the daemon sends output, asks for input, and ends with {@link #EXIT}, while
 * the client sends input when asked and the signals its user sends it. {@code aio daemon} opens
 * with {@link #STATUS} or {@link #STOP} instead, and the daemon answers with {@link #INFO}. Plain JDK classes only: the
 * client loads this.
 */
public final class Frames {
    /** Client: the run (version, working directory, arguments, environment). */
    public static final byte RUN = 'R';
    /** Client: standard input, as many bytes as were asked for or fewer; none at its end. */
    public static final byte STDIN = 'i';
    /** Client: a signal its user sent it (the payload: the signal's number, 4 bytes). */
    public static final byte SIGNAL = 's';
    /** Daemon: bytes for standard output. */
    public static final byte STDOUT = 'o';
    /** Daemon: bytes for standard error. */
    public static final byte STDERR = 'e';
    /** Daemon: the program reads standard input (the payload: how many bytes at most, 4 bytes). */
    public static final byte READ = 'r';
    /** Daemon: the run is over (the payload: its exit status, 4 bytes). */
    public static final byte EXIT = 'x';
    /** Client, instead of {@link #RUN}: what the daemon is (answered with {@link #INFO}). */
    public static final byte STATUS = '?';
    /** Client, instead of {@link #RUN}: leave once the runs in progress end (answered with {@link #INFO}). */
    public static final byte STOP = 'q';
    /** Daemon: its description, one line of text, answering {@link #STATUS} or {@link #STOP}. */
    public static final byte INFO = 'n';
    /** The protocol's version, first in {@link #RUN}: a client and daemon of different builds never meet (the socket's name is the build's), but a test may. */
    public static final int VERSION = 2;

    private Frames() {
    }

    /** One message: its type and bytes. */
    public record Frame(byte type, byte[] payload) {
        public int asInt() {
            return (payload[0] & 0xff) << 24 | (payload[1] & 0xff) << 16 | (payload[2] & 0xff) << 8 | payload[3] & 0xff;
        }
    }

    /** Reads the next message; null at the end of the stream. */
    public static Frame read(DataInputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        int length = in.readInt();
        if (length < 0 || length > 64 << 20) {
            throw new IOException("bad message length " + length);
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Frame((byte) type, payload);
    }

    /** Writes one message whole (callers on several threads share {@code out}). */
    public static void write(DataOutputStream out, byte type, byte[] bytes, int offset, int length) throws IOException {
        synchronized (out) {
            out.writeByte(type);
            out.writeInt(length);
            out.write(bytes, offset, length);
            out.flush();
        }
    }

    public static void writeInt(DataOutputStream out, byte type, int value) throws IOException {
        byte[] b = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        write(out, type, b, 0, 4);
    }

    /** A string in a message: its UTF-8 bytes after their count (writeUTF stops at 64 KiB). */
    public static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    public static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 64 << 20) {
            throw new EOFException("bad string length " + length);
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
