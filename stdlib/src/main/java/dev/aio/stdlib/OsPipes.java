package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;

/**
 * The descriptor functions of {@code os} for pipes: {@code pipe}, {@code read}, {@code write},
 * {@code close}, {@code get_blocking}, {@code set_blocking}, on the descriptors of
 * {@link FileDescriptors}. A blocking read or write waits without the interpreter lock.
 */
final class OsPipes {
    private OsPipes() {
    }

    static FileDescriptors descriptors(AioContext context) {
        return context.programState(FileDescriptors.class, FileDescriptors::new);
    }

    private static long fd(Object fd) {
        return Args.index(fd, "fd");
    }

    /** {@code os.pipe()}: (read end, write end), blocking, as CPython's. */
    @Builtin(name = "pipe")
    @GenerateNodeFactory
    abstract static class PipeNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        PyTuple doPipe() {
            FileDescriptors fds = descriptors(AioContext.get(this));
            ChildPipe[] ends = ChildPipe.open();
            long r = fds.add(ends[0]);
            long w = fds.add(ends[1]);
            return PyTuple.of(r, w);
        }
    }

    @Builtin(name = "read", params = {"fd", "n"})
    @GenerateNodeFactory
    abstract static class ReadNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doRead(Object fd, Object n) {
            AioContext context = AioContext.get(this);
            long max = Args.index(n, "n");
            if (max < 0) {
                throw PyErrors.valueError("negative read length");
            }
            FileDescriptors fds = descriptors(context);
            long f = fd(fd);
            ChildPipe pipe = fds.get(f);
            return pipe.read((int) Math.min(max, Integer.MAX_VALUE), fds.isBlocking(f) ? context : null);
        }
    }

    @Builtin(name = "write", params = {"fd", "data"})
    @GenerateNodeFactory
    abstract static class WriteNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doWrite(Object fd, Object data) {
            AioContext context = AioContext.get(this);
            byte[] b = ChildProcessMethods.bytes(data);
            FileDescriptors fds = descriptors(context);
            long f = fd(fd);
            ChildPipe pipe = fds.get(f);
            return pipe.write(b, 0, b.length, fds.isBlocking(f) ? context : null);
        }
    }

    @Builtin(name = "close", params = {"fd"})
    @GenerateNodeFactory
    abstract static class CloseNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doClose(Object fd) {
            descriptors(AioContext.get(this)).close(fd(fd));
            return PyNone.NONE;
        }
    }

    @Builtin(name = "get_blocking", params = {"fd"})
    @GenerateNodeFactory
    abstract static class GetBlockingNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        boolean doGet(Object fd) {
            return descriptors(AioContext.get(this)).isBlocking(fd(fd));
        }
    }

    @Builtin(name = "set_blocking", params = {"fd", "blocking"})
    @GenerateNodeFactory
    abstract static class SetBlockingNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doSet(Object fd, Object blocking) {
            descriptors(AioContext.get(this)).setBlocking(fd(fd), PyOps.isTrue(blocking));
            return PyNone.NONE;
        }
    }

    /** The pipe end {@code fd} names, for {@code os.fdopen} and the loop's pipe transports (CPython's error for a descriptor that is no pipe). */
    @Builtin(name = "pipe_end", params = {"fd"})
    @GenerateNodeFactory
    abstract static class PipeEndNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doEnd(Object fd) {
            return descriptors(AioContext.get(this)).get(fd(fd));
        }
    }
}
