package dev.aio.stdlib.asyncio;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.aio.AioContext;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyModule;

/**
 * asyncio's submodules ({@code from asyncio import tasks}, {@code import asyncio.events}): aio
 * assembles asyncio as one module, so each submodule is a view of it holding the names CPython
 * 3.11 defines there (its {@code __all__}, and the few other names programs and CPython's tests
 * use), bound to the same objects as in the package. Names aio does not have yet are absent from
 * both.
 */
final class AsyncioSubmodules {
    /** Submodule name to the names it exports, as CPython 3.11's {@code asyncio/NAME.py}. */
    private static final Map<String, List<String>> NAMES = Map.ofEntries(
                    Map.entry("base_events", List.of("BaseEventLoop", "Server")),
                    Map.entry("coroutines", List.of("iscoroutinefunction", "iscoroutine", "_is_coroutine")),
                    Map.entry("events", List.of("AbstractEventLoopPolicy", "AbstractEventLoop", "AbstractServer", "Handle", "TimerHandle", "get_event_loop_policy",
                                    "set_event_loop_policy", "get_event_loop", "set_event_loop", "new_event_loop", "get_child_watcher", "set_child_watcher",
                                    "_set_running_loop", "get_running_loop", "_get_running_loop", "BaseDefaultEventLoopPolicy", "_get_event_loop")),
                    Map.entry("exceptions", List.of("BrokenBarrierError", "CancelledError", "InvalidStateError", "TimeoutError", "IncompleteReadError",
                                    "LimitOverrunError", "SendfileNotAvailableError")),
                    Map.entry("futures", List.of("Future", "wrap_future", "isfuture")),
                    Map.entry("locks", List.of("Lock", "Event", "Condition", "Semaphore", "BoundedSemaphore", "Barrier")),
                    Map.entry("protocols", List.of("BaseProtocol", "Protocol", "BufferedProtocol", "DatagramProtocol", "SubprocessProtocol")),
                    Map.entry("queues", List.of("Queue", "PriorityQueue", "LifoQueue", "QueueFull", "QueueEmpty")),
                    Map.entry("runners", List.of("Runner", "run")),
                    Map.entry("streams", List.of("StreamReader", "StreamWriter", "StreamReaderProtocol", "open_connection", "start_server",
                                    "open_unix_connection", "start_unix_server")),
                    Map.entry("subprocess", List.of("create_subprocess_exec", "create_subprocess_shell", "PIPE", "STDOUT", "DEVNULL", "Process",
                                    "SubprocessStreamProtocol")),
                    Map.entry("taskgroups", List.of("TaskGroup")),
                    Map.entry("tasks", List.of("Task", "create_task", "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED", "wait", "wait_for", "as_completed",
                                    "sleep", "gather", "shield", "ensure_future", "run_coroutine_threadsafe", "current_task", "all_tasks", "_register_task",
                                    "_unregister_task", "_enter_task", "_leave_task")),
                    Map.entry("threads", List.of("to_thread")),
                    Map.entry("timeouts", List.of("Timeout", "timeout", "timeout_at")),
                    Map.entry("transports", List.of("BaseTransport", "ReadTransport", "WriteTransport", "Transport", "DatagramTransport", "SubprocessTransport")),
                    Map.entry("unix_events", List.of("SelectorEventLoop", "DefaultEventLoopPolicy")));

    /** Names aio's asyncio parts define that CPython keeps in the submodule only (not in its {@code __all__}). */
    private static final Set<String> SUBMODULE_ONLY = Set.of("BaseDefaultEventLoopPolicy", "_is_coroutine", "PIPE", "STDOUT", "DEVNULL", "Process", "SubprocessStreamProtocol");

    private AsyncioSubmodules() {
    }

    /**
     * Makes {@code asyncio} a package and adds its submodules, as attributes and to {@code sys.modules}
     * (importing CPython's asyncio imports them all).
     */
    static void install(AioContext context, PyModule asyncio) {
        asyncio.put("__path__", new PyList());
        for (Map.Entry<String, List<String>> e : NAMES.entrySet()) {
            PyModule sub = new PyModule("asyncio." + e.getKey());
            for (String name : e.getValue()) {
                Object value = asyncio.get(name);
                if (value != null) {
                    sub.put(name, value);
                }
            }
            asyncio.put(e.getKey(), sub);
            context.sysModules().put(sub.getName(), sub);
        }
        for (String name : SUBMODULE_ONLY) {
            asyncio.remove(name);
        }
    }
}
