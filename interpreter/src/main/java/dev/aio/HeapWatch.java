package dev.aio;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The JVM's heap as the {@link HeapLimit}s of its contexts see it: after each garbage collection,
 * the heap still in use. A young collection leaves the old generation's garbage counted, so a
 * figure over a limit is checked once more after a full collection before a script is told. A
 * script working near its limit must not make every collection a full one, so after a check that
 * found the heap under the limit the next one waits a second, unless the heap has grown by a
 * quarter of the limit since (a script filling memory fast is then caught within that growth).
 */
final class HeapWatch {
    private static final long RECHECK_INTERVAL_NANOS = 1_000_000_000L;
    private static HeapWatch installed;

    private final List<HeapLimit> limits = new CopyOnWriteArrayList<>();
    private final Set<String> heapPools = new HashSet<>();
    private long lastFullCheck = System.nanoTime() - RECHECK_INTERVAL_NANOS;
    /** What the heap held after the collection that led to the last full check. */
    private long usedAtLastCheck;

    private HeapWatch() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((n, handback) -> collected(n), null, null);
            }
        }
    }

    static synchronized void add(HeapLimit limit) {
        if (installed == null) {
            installed = new HeapWatch();
        }
        installed.limits.add(limit);
    }

    static synchronized void remove(HeapLimit limit) {
        if (installed != null) {
            installed.limits.remove(limit);
        }
    }

    /** On a JVM notification thread, after each collection (each collector notifies on its own: one at a time here). */
    private synchronized void collected(Notification n) {
        if (limits.isEmpty() || !n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        long smallest = Long.MAX_VALUE;
        for (HeapLimit limit : limits) {
            smallest = Math.min(smallest, limit.maxBytes());
            if (used <= limit.maxBytes()) {
                limit.under();
            }
        }
        boolean grownSince = used - usedAtLastCheck > smallest / 4;
        if (used <= smallest || !grownSince && System.nanoTime() - lastFullCheck < RECHECK_INTERVAL_NANOS) {
            return;
        }
        lastFullCheck = System.nanoTime();
        usedAtLastCheck = used;
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        for (HeapLimit limit : limits) {
            if (live > limit.maxBytes()) {
                limit.exceeded();
            } else {
                limit.under();
            }
        }
    }
}
