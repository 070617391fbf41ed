package dev.aio.stdlib;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.security.SecureRandom;
import java.util.Collections;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyTuple;

/**
 * {@code _uuid}, the accelerator CPython's {@code uuid} uses for {@code uuid1()} and
 * {@code getnode()} (Modules/_uuidmodule.c over libuuid's {@code uuid_generate_time_safe}): a
 * version 1 UUID from the current time (aio's clock, as {@code time.time()}), a clock sequence chosen at random once per process, and
 * the hardware address of the first network interface that has one (else a random address with
 * the multicast bit set, as RFC 4122 asks). Like libuuid without its {@code uuidd} daemon, it
 * cannot promise uniqueness across processes, so it reports the UUID as not safe (-1), as
 * python3 here does ({@code uuid1().is_safe} is {@code SafeUUID.unsafe}).
 */
public final class UuidModule {
    /** 100-nanosecond intervals between the UUID epoch (1582-10-15) and the Unix epoch. */
    private static final long UUID_EPOCH_OFFSET = 0x01B21DD213814000L;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CLOCK_SEQUENCE = RANDOM.nextInt(1 << 14);
    private static long lastTimestamp;
    private static byte[] node;

    private UuidModule() {
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("_uuid");
        m.put("has_uuid_generate_time_safe", 1L);
        m.defineFunctions(context.getLanguage(), UuidModuleFactory.getFactories());
        return m;
    }

    @Builtin(name = "generate_time_safe")
    @GenerateNodeFactory
    abstract static class GenerateTimeSafeNode extends BuiltinNode {
        @Specialization
        PyTuple doGenerate() {
            // aio's clock, as time.time() reads it (virtual under --virtual-time), as uuid.py's own uuid1 path does.
            return PyTuple.of(new PyBytes(timeUuid(AioContext.get(this).clock().wallTime())), -1L);
        }
    }

    @TruffleBoundary
    private static synchronized byte[] timeUuid(double wallTime) {
        long timestamp = (long) (wallTime * 1e7) + UUID_EPOCH_OFFSET;
        if (timestamp <= lastTimestamp) {
            timestamp = lastTimestamp + 1;
        }
        lastTimestamp = timestamp;
        byte[] b = new byte[16];
        long timeLow = timestamp & 0xFFFFFFFFL;
        long timeMid = (timestamp >>> 32) & 0xFFFF;
        long timeHi = ((timestamp >>> 48) & 0x0FFF) | 0x1000;
        putBigEndian(b, 0, timeLow, 4);
        putBigEndian(b, 4, timeMid, 2);
        putBigEndian(b, 6, timeHi, 2);
        b[8] = (byte) (0x80 | (CLOCK_SEQUENCE >>> 8));
        b[9] = (byte) CLOCK_SEQUENCE;
        System.arraycopy(node(), 0, b, 10, 6);
        return b;
    }

    private static void putBigEndian(byte[] b, int at, long value, int size) {
        for (int i = size - 1; i >= 0; i--) {
            b[at + i] = (byte) value;
            value >>>= 8;
        }
    }

    private static byte[] node() {
        if (node == null) {
            node = hardwareAddress();
            if (node == null) {
                node = new byte[6];
                RANDOM.nextBytes(node);
                node[0] |= 0x01;
            }
        }
        return node;
    }

    private static byte[] hardwareAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                byte[] address = nic.isLoopback() ? null : nic.getHardwareAddress();
                if (address != null && address.length == 6 && !allZero(address)) {
                    return address;
                }
            }
        } catch (SocketException | SecurityException e) {
            // No interfaces to ask: a random address instead, as libuuid falls back.
        }
        return null;
    }

    private static boolean allZero(byte[] address) {
        for (byte x : address) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
