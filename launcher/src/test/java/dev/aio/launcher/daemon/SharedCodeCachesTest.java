package dev.aio.launcher.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.oracle.truffle.api.bytecode.BytecodeNode;
import com.oracle.truffle.api.bytecode.Instruction;
import com.oracle.truffle.api.dsl.Introspection;
import com.oracle.truffle.api.dsl.Introspection.SpecializationInfo;
import com.oracle.truffle.api.nodes.Node;

import dev.aio.AioContext;
import dev.aio.nodes.AioRootNode;
import dev.aio.runtime.PyFunction;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyType;

/**
 * The inline caches of code that several contexts share, as aio's daemon runs each program in a
 * context of its own on one engine: each run sees its own globals, builtins and classes (a
 * global rebound or a builtin shadowed in one run does not leak into the next), and the caches
 * stay monomorphic however many runs there were, read from the nodes' specialization state.
 */
@Timeout(120)
class SharedCodeCachesTest {
    private static final String PROGRAM = """
                    import asyncio

                    class Counter:
                        def __init__(self):
                            self.n = 0

                        def bump(self, k):
                            self.n += k
                            return self.n

                    SCALE = 10
                    if run == 2:
                        SCALE = 1000

                    def fib(n):
                        return n if n < 2 else fib(n - 1) + fib(n - 2)

                    def work(n):
                        c = Counter()
                        total = 0
                        for i in range(n):
                            total += c.bump(SCALE) + len("ab") + fib(5)
                        return total

                    async def main():
                        await asyncio.sleep(0)
                        return work(40)

                    if run == 3:
                        def len(x):
                            return 100

                    result = asyncio.run(main())
                    """;

    /** What {@code work(40)} returns with {@code SCALE} and {@code len("ab")} as given: computed here, as the program does. */
    private static long expected(long scale, long len) {
        long total = 0;
        long n = 0;
        for (int i = 0; i < 40; i++) {
            n += scale;
            total += n + len + 5;
        }
        return total;
    }

    @Test
    void contextsOnOneEngineSeeTheirOwnGlobalsAndTheCachesStayMonomorphic() {
        Source source = Source.create("aio", PROGRAM);
        Object firstRange = null;
        try (Engine engine = Engine.newBuilder("aio").option("engine.WarnInterpreterOnly", "false").build()) {
            for (int run = 1; run <= 5; run++) {
                try (Context context = Context.newBuilder("aio").engine(engine).build()) {
                    context.getBindings("aio").putMember("run", run);
                    context.eval(source);
                    long scale = run == 2 ? 1000 : 10;
                    long len = run == 3 ? 100 : 2;
                    assertEquals(expected(scale, len), context.getBindings("aio").getMember("result").asLong(), "run " + run);
                    context.enter();
                    try {
                        assertSharedCachesMonomorphic("run " + run);
                        // Builtin functions are the language's, the same in every context: what a call site caches about them holds.
                        Object range = AioContext.get(null).getBuiltins().get("range");
                        assertNotNull(range);
                        firstRange = firstRange == null ? range : firstRange;
                        assertSame(firstRange, range, "run " + run);
                    } finally {
                        context.leave();
                    }
                }
            }
        }
    }

    /**
     * Each context of a shared engine runs the code compiled for the first: the script's (even
     * when Truffle's own source cache has let it go with the first run's {@code Source} object)
     * and the library's written in aio (asyncio's parts), so what the JIT compiled serves them all.
     */
    @Test
    void contextsOnOneEngineRunTheCodeCompiledOnce() {
        String program = """
                        import asyncio

                        def fib(n):
                            return n if n < 2 else fib(n - 1) + fib(n - 2)

                        result = fib(10)
                        """;
        Object fibCode = null;
        Object waitForCode = null;
        try (Engine engine = Engine.newBuilder("aio").option("engine.WarnInterpreterOnly", "false").build()) {
            for (int run = 1; run <= 3; run++) {
                try (Context context = Context.newBuilder("aio").engine(engine).build()) {
                    context.eval(Source.newBuilder("aio", program, "program.py").buildLiteral());
                    assertEquals(55, context.getBindings("aio").getMember("result").asInt());
                    context.enter();
                    try {
                        Object fib = codeRoot(AioContext.get(null).bindings().get("fib"));
                        Object waitFor = codeRoot(((PyModule) AioContext.get(null).bindings().get("asyncio")).get("wait_for"));
                        fibCode = fibCode == null ? fib : fibCode;
                        waitForCode = waitForCode == null ? waitFor : waitForCode;
                        assertSame(fibCode, fib, "run " + run + ": the script's code");
                        assertSame(waitForCode, waitFor, "run " + run + ": asyncio's code written in aio");
                    } finally {
                        context.leave();
                    }
                }
                // The first run's Source object is gone: Truffle's cache, which holds it weakly, may drop its code.
                System.gc();
            }
        }
    }

    private static Object codeRoot(Object function) {
        return ((PyFunction) function).getCode().root();
    }

    /** Names rebound, deleted and shadowed while the program runs: the caches kept per function follow, in each context on its own. */
    private static final String REBINDING = """
                    import math

                    def size():
                        return len("abc")

                    X = 1

                    def get_x():
                        return X

                    def floor():
                        return math.floor(2.5)

                    class K:
                        def m(self):
                            return "class"

                    def call_m(k):
                        return k.m()

                    seen = [size(), get_x(), floor()]
                    def len(x):
                        return -1
                    seen.append(size())
                    del len
                    seen.append(size())
                    X = 2
                    seen.append(get_x())
                    del X
                    try:
                        get_x()
                    except NameError as e:
                        seen.append(str(e))
                    X = 5
                    seen.append(get_x())
                    math.floor = lambda x: "rebound"
                    seen.append(floor())
                    del math.floor
                    try:
                        floor()
                    except AttributeError as e:
                        seen.append(str(e))
                    k = K()
                    seen.append(call_m(k))
                    K.m = lambda self: "class changed"
                    seen.append(call_m(k))
                    k.m = lambda: "instance"
                    seen.append(call_m(k))
                    result = repr(seen)
                    """;

    private static final String REBINDING_SEEN = "[3, 1, 2, -1, 3, 2, \"name 'X' is not defined\", 5, 'rebound', \"module 'math' has no attribute 'floor'\", 'class', 'class changed', 'instance']";

    @Test
    void rebindingsInOneContextFollowAndStayInIt() {
        Source source = Source.create("aio", REBINDING);
        try (Engine engine = Engine.newBuilder("aio").option("engine.WarnInterpreterOnly", "false").build()) {
            for (int run = 1; run <= 3; run++) {
                try (Context context = Context.newBuilder("aio").engine(engine).build()) {
                    context.eval(source);
                    assertEquals(REBINDING_SEEN, context.getBindings("aio").getMember("result").asString(), "run " + run);
                }
            }
        }
        try (Context context = Context.newBuilder("aio").option("engine.WarnInterpreterOnly", "false").build()) {
            context.eval(source);
            assertEquals(REBINDING_SEEN, context.getBindings("aio").getMember("result").asString(), "a single context");
        }
    }

    /** Without a shared engine the nodes hold the context's module slot themselves: the fast path of a plain {@code aio run}. */
    @Test
    void aSingleContextKeepsGlobalsInTheNodes() {
        try (Context context = Context.newBuilder("aio").option("engine.WarnInterpreterOnly", "false").build()) {
            context.getBindings("aio").putMember("run", 1);
            context.eval(Source.create("aio", PROGRAM));
            assertEquals(expected(10, 2), context.getBindings("aio").getMember("result").asLong());
            context.enter();
            try {
                for (Instruction load : instructions("work", "LoadGlobal")) {
                    assertTrue(active(load, "doGlobal") + active(load, "doBuiltin") == 1, "held by the node: " + load);
                    assertEquals(0, active(load, "doPerFunction"), load.toString());
                }
                for (Node access : attributeNodes()) {
                    assertEquals(1, instances(access, "doInstance"), "Counter held by the node: " + access);
                    assertEquals(0, instances(access, "doInstancePerFunction"), access.toString());
                }
            } finally {
                context.leave();
            }
        }
    }

    private static void assertSharedCachesMonomorphic(String run) {
        List<Instruction> loads = instructions("work", "LoadGlobal");
        assertEquals(5, loads.size(), "Counter, range, SCALE, len, fib");
        for (Instruction load : loads) {
            assertEquals(0, active(load, "doGlobal") + active(load, "doBuiltin"), run + ": no context's slot in the node: " + load);
            assertEquals(1, active(load, "doPerFunction"), run + ": " + load);
        }
        Instruction bump = only(instructions("work", "CallMethod"));
        assertEquals(1, active(bump, "doCall"), run);
        Node lookup = cachedNode(bump, "doCall", n -> n.getClass().getSimpleName().startsWith("MethodLookupNode"));
        assertEquals(1, instances(lookup, "doUserTypePerFunction"), run + ": Counter is a class of each run");
        assertEquals(0, instances(lookup, "doUserType"), run);
        assertFalse(Introspection.getSpecialization(lookup, "doUncached").isActive(), run + ": the lookup went megamorphic");
        // self.n in bump(): Counter's instance dict, the answer kept by the function, never by the node.
        for (Node access : attributeNodes()) {
            assertEquals(0, instances(access, "doInstance"), run + ": no run's class in the node: " + access);
            assertEquals(1, instances(access, "doInstancePerFunction"), run + ": " + access);
            assertFalse(Introspection.getSpecialization(access, "doGeneric").isActive(), run + ": " + access);
        }
        // len() (a function of the program's own in run 3) and fib(5): one callee each, whatever the run (range is a class).
        int builtinCalls = 0;
        for (Instruction call : instructions("work", "CallFunction")) {
            Node callNode = cachedNode(call, "doCall", n -> n.getClass().getSimpleName().startsWith("CallNode"));
            assertTrue(instances(callNode, "doBuiltin") <= 1 && instances(callNode, "doDirect") <= 1, run + ": " + call);
            builtinCalls += instances(callNode, "doBuiltin");
        }
        assertEquals(1, builtinCalls, run + ": len, the same builtin in every context");
        List<Instruction> fibLoads = instructions("fib", "LoadGlobal");
        assertEquals(2, fibLoads.size());
        for (Instruction load : fibLoads) {
            assertEquals(1, active(load, "doPerFunction"), run + ": fib's own name");
        }
    }

    /** The attribute nodes of {@code self.n += k; return self.n} in {@code Counter.bump}: two reads, one write. */
    private static List<Node> attributeNodes() {
        PyFunction bump = (PyFunction) ((PyType) AioContext.get(null).bindings().get("Counter")).lookup("bump");
        List<Node> nodes = new ArrayList<>();
        for (Instruction i : instructions(bump, "GetAttr")) {
            nodes.add(cachedNode(i, "doGet", n -> n.getClass().getSimpleName().startsWith("GetAttrNode")));
        }
        for (Instruction i : instructions(bump, "SetAttr")) {
            nodes.add(cachedNode(i, "doSet", n -> n.getClass().getSimpleName().startsWith("SetAttrNode")));
        }
        assertEquals(3, nodes.size(), nodes.toString());
        return nodes;
    }

    private static List<Instruction> instructions(String function, String operation) {
        return instructions((PyFunction) AioContext.get(null).bindings().get(function), operation);
    }

    private static List<Instruction> instructions(PyFunction f, String operation) {
        BytecodeNode bytecode = ((AioRootNode) f.getCode().root()).getBytecodeNode();
        List<Instruction> found = new ArrayList<>();
        for (Instruction i : bytecode.getInstructions()) {
            if (i.getName().replace(".", "").toLowerCase().contains(operation.toLowerCase()) && !i.getArguments().isEmpty() && specializations(i) != null) {
                found.add(i);
            }
        }
        return found;
    }

    private static List<SpecializationInfo> specializations(Instruction i) {
        for (Instruction.Argument a : i.getArguments()) {
            if (a.getKind() == Instruction.Argument.Kind.NODE_PROFILE) {
                return a.getSpecializationInfo();
            }
        }
        return null;
    }

    private static SpecializationInfo specialization(Instruction i, String method) {
        for (SpecializationInfo s : specializations(i)) {
            if (s.getMethodName().equals(method)) {
                return s;
            }
        }
        throw new AssertionError("no specialization " + method + " in " + i);
    }

    private static int active(Instruction i, String method) {
        SpecializationInfo s = specialization(i, method);
        return s.isActive() ? s.getInstances() : 0;
    }

    private static int instances(Node node, String method) {
        SpecializationInfo s = Introspection.getSpecialization(node, method);
        return s.isActive() ? s.getInstances() : 0;
    }

    private static Node cachedNode(Instruction i, String method, Predicate<Node> kind) {
        SpecializationInfo s = specialization(i, method);
        for (Object cached : s.getCachedData(0)) {
            if (cached instanceof Node n && kind.test(n)) {
                return n;
            }
        }
        throw new AssertionError("no cached node in " + method + " of " + i);
    }

    private static <T> T only(List<T> items) {
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }
}
