package dev.aio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;

import com.oracle.truffle.api.debug.Breakpoint;
import com.oracle.truffle.api.debug.DebugStackFrame;
import com.oracle.truffle.api.debug.DebugValue;
import com.oracle.truffle.api.debug.Debugger;
import com.oracle.truffle.api.debug.DebuggerSession;
import com.oracle.truffle.api.debug.SuspendedEvent;

/**
 * Truffle's debugger (what {@code aio run --inspect} serves to Chrome DevTools) on aio code: line
 * breakpoints, stepping over statements and over an {@code await}, while other tasks run.
 */
class DebuggerTest {
    private static final String PROGRAM = """
                    import asyncio
                    async def other():
                        x = 1
                        await asyncio.sleep(0)
                        x = 2
                    def double(v):
                        w = v * 2
                        return w
                    async def fetch():
                        await asyncio.sleep(0)
                        return 5
                    async def main():
                        t = asyncio.create_task(other())
                        a = 1
                        await asyncio.sleep(0)
                        b = double(a)
                        c = await fetch()
                        await t
                        print(b + c)
                    asyncio.run(main())
                    """;

    /** Where the debugger stopped: {@code function:line}, plus the value of {@code var} there (as its repr). */
    private static String where(SuspendedEvent event, String var) {
        DebugStackFrame top = event.getTopStackFrame();
        String s = top.getName() + ":" + event.getSourceSection().getStartLine() + (event.getSourceSection().getSource().getName().equals("debugged.aio") ? "" : "@" + event.getSourceSection().getSource().getName());
        if (var != null) {
            DebugValue v = top.getScope() == null ? null : top.getScope().getDeclaredValue(var);
            s += " " + var + "=" + (v == null || !v.isReadable() ? "unbound" : v.toDisplayString());
        }
        return s;
    }

    /** Runs PROGRAM with a breakpoint at {@code line}, letting {@code onSuspend} log and steer each stop. */
    private static String debug(int line, Consumer<SuspendedEvent> onSuspend) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("aio").out(out).err(out).allowExperimentalOptions(true).option("engine.WarnInterpreterOnly", "false")
                        // A pause in the debugger is no slow step (aio run --inspect turns the warning off too).
                        .option("aio.SlowStep", "0").build()) {
            Source source = Source.newBuilder("aio", PROGRAM, "debugged.aio").buildLiteral();
            try (DebuggerSession session = Debugger.find(context.getEngine()).startSession(onSuspend::accept)) {
                session.install(Breakpoint.newBuilder(source.getURI()).lineIs(line).build());
                context.eval(source);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void stepOverAnAwaitStopsAtTheNextLineOfTheSameCoroutine() {
        List<String> stops = new ArrayList<>();
        String output = debug(14, event -> {
            stops.add(where(event, "a") + (event.getBreakpoints().isEmpty() ? "" : " (breakpoint)"));
            if (stops.size() < 6) {
                event.prepareStepOver(1);
            } else {
                event.prepareContinue();
            }
        });
        // Across `await asyncio.sleep(0)` the other task runs lines 3-4 without stopping there;
        // `b = double(a)` is one step, and so is `c = await fetch()` though fetch() suspends inside;
        // `await t` lets other() finish.
        assertEquals(List.of("main:14 a=unbound (breakpoint)", "main:15 a=1", "main:16 a=1", "main:17 a=1", "main:18 a=1", "main:19 a=1"), stops);
        assertEquals("7\n", output);
    }

    @Test
    void breakpointsAfterAnAwaitAndStepInto() {
        List<String> stops = new ArrayList<>();
        debug(5, event -> {
            stops.add(where(event, "x"));
            event.prepareContinue();
        });
        assertEquals(List.of("other:5 x=1"), stops);

        stops.clear();
        debug(16, event -> {
            stops.add(where(event, null));
            if (stops.size() == 1) {
                event.prepareStepInto(1);
            } else if (stops.size() == 2) {
                event.prepareStepOver(1);
            } else {
                event.prepareContinue();
            }
        });
        assertEquals(List.of("main:16", "double:7", "double:8"), stops);

        // Into a coroutine as it starts running, and over the await inside it.
        stops.clear();
        debug(16, event -> {
            stops.add(where(event, null));
            switch (stops.size()) {
                case 1, 3 -> event.prepareStepOver(1);
                case 2 -> event.prepareStepInto(1);
                default -> event.prepareContinue();
            }
        });
        assertEquals(List.of("main:16", "main:17", "fetch:10", "fetch:11"), stops);
    }

    @Test
    void aBreakpointOnAnAwaitLineStopsAgainWhenTheCoroutineResumesThere() {
        // Truffle reports a resumption as entering the statement again.
        List<String> stops = new ArrayList<>();
        debug(15, event -> {
            stops.add(where(event, "t"));
            event.prepareContinue();
        });
        assertEquals(List.of("main:15 t=<Task pending name='Task-2' coro=<other() running at debugged.aio:2>>",
                        "main:15 t=<Task pending name='Task-2' coro=<other() running at debugged.aio:4>>"), stops);
    }

    @Test
    void variablesAreTheBoundNamedLocalsShownAsRepr() {
        List<String> seen = new ArrayList<>();
        debug(19, event -> {
            for (DebugValue v : event.getTopStackFrame().getScope().getDeclaredValues()) {
                seen.add(v.getName() + "=" + v.toDisplayString() + ":" + v.getMetaObject().getMetaSimpleName());
            }
            event.prepareContinue();
        });
        // The compiler's temporaries (the awaited object, the result of each step) are left out.
        assertEquals(List.of("t=<Task finished name='Task-2' coro=<other() done, defined at debugged.aio:2> result=None>:Task", "a=1:int", "b=2:int", "c=5:int"), seen);
    }
}
