import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

import dev.aio.embed.Aio;
import dev.aio.embed.AioClock;

/**
 * A Java application that embeds aio: its OrderService does the work asynchronously (each call
 * completes later, on a thread of a pool), and an aio script, orders.py, orchestrates it with
 * gather, create_task and a Queue.
 *
 * <p>How to run it from the repository root: docs/embedding.md, "Running the example".
 */
public final class OrderDemo {
    /** The application's own asynchronous service; scripts may call the methods marked {@code @HostAccess.Export}. */
    public static final class OrderService {
        private static final Map<String, List<String>> ORDERS = Map.of("A-1001", List.of("apple", "pear"), "A-1002", List.of("plum", "apple", "fig"),
                        "A-1003", List.of("pear"));
        private static final Map<String, Integer> PRICES = Map.of("apple", 120, "pear", 95, "plum", 240, "fig", 310);

        private final ScheduledExecutorService pool;

        OrderService(ScheduledExecutorService pool) {
            this.pool = pool;
        }

        /** Completes after a few milliseconds, on a thread of the pool, as a remote call would. */
        private <T> CompletableFuture<T> later(T value) {
            CompletableFuture<T> f = new CompletableFuture<>();
            pool.schedule(() -> f.complete(value), ThreadLocalRandom.current().nextInt(1, 20), TimeUnit.MILLISECONDS);
            return f;
        }

        @HostAccess.Export
        public CompletableFuture<List<String>> lines(String orderId) {
            return later(ORDERS.get(orderId));
        }

        @HostAccess.Export
        public CompletableFuture<Integer> price(String sku) {
            return later(PRICES.get(sku));
        }

        @HostAccess.Export
        public CompletableFuture<Boolean> reserve(String sku) {
            return later(!sku.equals("fig"));
        }

        @HostAccess.Export
        public CompletableFuture<String> ship(String orderId, int totalCents) {
            return later("shipped, tracking TRK-" + orderId.substring(2) + "-" + totalCents);
        }
    }

    public static void main(String[] args) throws Exception {
        Path script = Path.of(args.length > 0 ? args[0] : "examples/embedding/orders.py");
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(4);
        ExecutorService loopThread = Executors.newSingleThreadExecutor();
        List<String> auditLog = new CopyOnWriteArrayList<>();
        // Scripts may use the exported methods and read the lists those return; nothing else of Java.
        HostAccess access = HostAccess.newBuilder(HostAccess.EXPLICIT).allowListAccess(true).build();
        try (Aio aio = Aio.builder().clock(AioClock.REAL).allowHostAccess(access).timeLimit(Duration.ofSeconds(30)).maxTasks(100).maxQueueSize(50)
                        .option("engine.WarnInterpreterOnly", "false").build()) {
            aio.bindings().putMember("orders", new OrderService(pool));
            aio.register("audit", a -> auditLog.add(a[0].asString()));
            aio.runScript(script);
            aio.startLoop(loopThread);
            Value shipped = aio.runAsync("process_orders", "A-1001", "A-1002", "A-1003").join();
            System.out.println("Java: " + shipped.asInt() + " of 3 orders shipped; audit log " + auditLog);
        } finally {
            pool.shutdownNow();
            loopThread.shutdown();
        }
    }
}
