package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyBytesLike;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyMemoryView;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;

/** Methods of {@code _subprocess}'s {@link ChildProcess} and {@link ChildPipe}, for aio's {@code subprocess} module and asyncio's subprocess transport. */
public final class ChildProcessMethods {
    private ChildProcessMethods() {
    }

    static void install() {
        ChildProcess.TYPE.defineBuiltins(ChildProcessMethodsFactory.getFactories());
    }

    /** A time-out in seconds (None: none) as nanoseconds, negative for none. */
    static long nanos(Object timeout) {
        if (!Args.given(timeout) || timeout == PyNone.NONE) {
            return -1;
        }
        double seconds = Args.toDouble(timeout, "timeout");
        return seconds <= 0 ? 0 : (long) Math.min(seconds * 1e9, Long.MAX_VALUE / 2);
    }

    static byte[] bytes(Object data) {
        if (data instanceof PyBytesLike b) {
            return b.toArray();
        }
        if (data instanceof PyMemoryView v) {
            return v.toArray();
        }
        throw PyErrors.typeError("a bytes-like object is required, not '" + PyOps.typeName(data) + "'");
    }

    @Builtin(name = "pid", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class PidNode extends BuiltinNode {
        @Specialization
        static long doPid(ChildProcess self) {
            return self.pid();
        }
    }

    @Builtin(name = "stdin", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class StdinNode extends BuiltinNode {
        @Specialization
        static Object doGet(ChildProcess self) {
            return self.stdin();
        }
    }

    @Builtin(name = "stdout", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class StdoutNode extends BuiltinNode {
        @Specialization
        static Object doGet(ChildProcess self) {
            return self.stdout();
        }
    }

    @Builtin(name = "stderr", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class StderrNode extends BuiltinNode {
        @Specialization
        static Object doGet(ChildProcess self) {
            return self.stderr();
        }
    }

    /** A pipe that reaches its end (reads b'') when the child exits: the loop watches it to learn of the exit. */
    @Builtin(name = "exit_pipe", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class ExitPipeNode extends BuiltinNode {
        @Specialization
        static Object doGet(ChildProcess self) {
            return self.exitPipe();
        }
    }

    @Builtin(name = "poll", params = {"self"})
    @GenerateNodeFactory
    abstract static class PollNode extends BuiltinNode {
        @Specialization
        static Object doPoll(ChildProcess self) {
            return self.poll();
        }
    }

    /** Blocks until the child exits (or the time-out passes: None). */
    @Builtin(name = "wait", params = {"self", "timeout"}, required = 1)
    @GenerateNodeFactory
    abstract static class WaitNode extends BuiltinNode {
        @Specialization
        static Object doWait(ChildProcess self, Object timeout) {
            return self.waitFor(nanos(timeout));
        }
    }

    @Builtin(name = "send_signal", params = {"self", "sig"})
    @GenerateNodeFactory
    abstract static class SendSignalNode extends BuiltinNode {
        @Specialization
        static Object doSend(ChildProcess self, Object sig) {
            self.sendSignal((int) Args.index(sig, "signal number"));
            return PyNone.NONE;
        }
    }

    /** The blocking communicate: (stdout, stderr), or None when the time-out passed first. */
    @Builtin(name = "communicate", params = {"self", "input", "timeout"}, required = 1)
    @GenerateNodeFactory
    abstract static class CommunicateNode extends BuiltinNode {
        @Specialization
        static Object doCommunicate(ChildProcess self, Object input, Object timeout) {
            PyTuple result = self.communicate(!Args.given(input) || input == PyNone.NONE ? null : bytes(input), nanos(timeout));
            return result == null ? PyNone.NONE : result;
        }
    }
}
