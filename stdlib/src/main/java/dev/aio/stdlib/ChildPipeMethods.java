package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;

/** Methods of {@link ChildPipe}: CPython's {@code os.read}, {@code os.write} and {@code os.close} on a non-blocking pipe. */
public final class ChildPipeMethods {
    private ChildPipeMethods() {
    }

    static void install() {
        ChildPipe.TYPE.defineBuiltins(ChildPipeMethodsFactory.getFactories());
    }

    @Builtin(name = "read", params = {"self", "n"})
    @GenerateNodeFactory
    abstract static class ReadNode extends BuiltinNode {
        @Specialization
        static Object doRead(ChildPipe self, Object n) {
            long max = Args.index(n, "n");
            if (max < 0) {
                throw PyErrors.valueError("negative read length");
            }
            return self.read((int) Math.min(max, Integer.MAX_VALUE));
        }
    }

    @Builtin(name = "write", params = {"self", "data"})
    @GenerateNodeFactory
    abstract static class WriteNode extends BuiltinNode {
        @Specialization
        static Object doWrite(ChildPipe self, Object data) {
            byte[] b = ChildProcessMethods.bytes(data);
            return self.write(b, 0, b.length);
        }
    }

    /** Blocks, without the interpreter lock, until the pipe can be read or written or the time-out (None: none) passes; returns whether it can. */
    @Builtin(name = "wait_ready", params = {"self", "timeout"}, required = 1)
    @GenerateNodeFactory
    abstract static class WaitReadyNode extends BuiltinNode {
        @Specialization
        boolean doWait(ChildPipe self, Object timeout) {
            return self.awaitReady(AioContext.get(this), ChildProcessMethods.nanos(timeout));
        }
    }

    @Builtin(name = "close", params = {"self"})
    @GenerateNodeFactory
    abstract static class CloseNode extends BuiltinNode {
        @Specialization
        static Object doClose(ChildPipe self) {
            self.close();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "closed", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class ClosedNode extends BuiltinNode {
        @Specialization
        static boolean doClosed(ChildPipe self) {
            return self.isClosed();
        }
    }
}
