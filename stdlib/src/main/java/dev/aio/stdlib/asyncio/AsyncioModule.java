package dev.aio.stdlib.asyncio;

import java.util.List;

import com.oracle.truffle.api.dsl.NodeFactory;

import dev.aio.AioContext;
import dev.aio.kernel.EventLoop;
import dev.aio.kernel.Future;
import dev.aio.kernel.Task;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinSpec;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyType;

/** The {@code asyncio} module: its functions, types and exceptions. */
public final class AsyncioModule {
    /**
     * The parts of asyncio written in aio, one per concept as in CPython's Lib/asyncio, run in
     * this order into the one module (as CPython's {@code asyncio/__init__.py} gathers
     * {@code from .tasks import *} and the rest).
     */
    private static final List<String> AIO_PARTS = List.of("tasks", "timeouts", "locks", "taskgroups");

    private AsyncioModule() {
    }

    /** Attaches methods and constructors to the asyncio types (once per JVM; types are shared). */
    public static synchronized void registerTypes() {
        if (Future.TYPE.getConstructor() != null) {
            return;
        }
        Future.TYPE.defineMethods(BuiltinSpec.all(FutureMethodsFactory.getFactories()));
        Task.TYPE.defineMethods(BuiltinSpec.all(TaskMethodsFactory.getFactories()));
        Queue.TYPE.defineMethods(BuiltinSpec.all(QueueMethodsFactory.getFactories()));
        Event.TYPE.defineMethods(BuiltinSpec.all(EventMethodsFactory.getFactories()));
        EventLoop.TYPE.defineMethods(BuiltinSpec.all(LoopMethodsFactory.getFactories()));
        HandleObject.TYPE.defineMethods(BuiltinSpec.all(HandleMethodsFactory.getFactories()));
        Runner.TYPE.defineMethods(BuiltinSpec.all(RunnerMethodsFactory.getFactories()));
        HandleObject.TIMER_TYPE.defineMethods(BuiltinSpec.all(TimerHandleMethodsFactory.getFactories()));
        Lock.TYPE.defineMethods(BuiltinSpec.all(LockMethodsFactory.getFactories()));
        Semaphore.TYPE.defineMethods(BuiltinSpec.all(LockMethodsFactory.getFactories()));
        List<NodeFactory<? extends BuiltinNode>> ctors = AsyncioConstructorsFactory.getFactories();
        for (NodeFactory<? extends BuiltinNode> f : ctors) {
            BuiltinSpec spec = BuiltinSpec.of(f);
            switch (spec.name()) {
                case "Future" -> Future.TYPE.setConstructor(spec);
                case "Task" -> Task.TYPE.setConstructor(spec);
                case "Queue" -> Queue.TYPE.setConstructor(spec);
                case "Event" -> Event.TYPE.setConstructor(spec);
                case "Lock" -> Lock.TYPE.setConstructor(spec);
                case "Semaphore" -> Semaphore.TYPE.setConstructor(spec);
                case "BoundedSemaphore" -> Semaphore.BOUNDED_TYPE.setConstructor(spec);
                case "Runner" -> Runner.TYPE.setConstructor(spec);
                default -> throw new IllegalStateException(spec.name());
            }
        }
        Queue.LIFO_TYPE.setConstructor(Queue.TYPE.getConstructor());
        Queue.PRIORITY_TYPE.setConstructor(Queue.TYPE.getConstructor());
        BuiltinSpec exceptionConstructor = BuiltinTypes.BASE_EXCEPTION.getConstructor();
        for (PyType t : new PyType[]{Queue.QUEUE_EMPTY, Queue.QUEUE_FULL, Queue.QUEUE_SHUT_DOWN, BuiltinTypes.CANCELLED_ERROR, BuiltinTypes.INVALID_STATE_ERROR}) {
            t.setConstructor(exceptionConstructor);
        }
    }

    public static PyModule create(AioContext context) {
        PyModule m = new PyModule("asyncio");
        for (NodeFactory<? extends BuiltinNode> f : AsyncioFunctionsFactory.getFactories()) {
            BuiltinSpec spec = BuiltinSpec.of(f);
            m.put(spec.name(), context.getLanguage().builtinFunction(spec));
        }
        m.put("Future", Future.TYPE);
        m.put("Task", Task.TYPE);
        m.put("Runner", Runner.TYPE);
        m.put("Queue", Queue.TYPE);
        m.put("Event", Event.TYPE);
        m.put("Lock", Lock.TYPE);
        m.put("Semaphore", Semaphore.TYPE);
        m.put("BoundedSemaphore", Semaphore.BOUNDED_TYPE);
        m.put("QueueEmpty", Queue.QUEUE_EMPTY);
        m.put("QueueFull", Queue.QUEUE_FULL);
        m.put("QueueShutDown", Queue.QUEUE_SHUT_DOWN);
        m.put("CancelledError", BuiltinTypes.CANCELLED_ERROR);
        m.put("InvalidStateError", BuiltinTypes.INVALID_STATE_ERROR);
        m.put("TimeoutError", BuiltinTypes.TIMEOUT_ERROR);
        m.put("LifoQueue", Queue.LIFO_TYPE);
        m.put("PriorityQueue", Queue.PRIORITY_TYPE);
        for (String part : AIO_PARTS) {
            context.runSourceInto(m, "<aio>/asyncio/" + part + ".aio", resource(part + ".aio"), true);
        }
        return m;
    }

    private static String resource(String name) {
        try (java.io.InputStream in = AsyncioModule.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("aio's asyncio sources are missing from the class path: " + name, e);
        }
    }
}
