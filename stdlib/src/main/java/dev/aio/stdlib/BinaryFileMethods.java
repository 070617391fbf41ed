package dev.aio.stdlib;

import java.util.List;
import java.util.Set;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.NodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Bytes;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.PyByteArray;
import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyMemoryView;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;
import dev.aio.runtime.SpecialMethods;

/**
 * Methods of binary files ({@code _io.FileIO}, {@code BufferedReader}, {@code BufferedWriter},
 * {@code BufferedRandom}), with the messages of CPython's Modules/_io/fileio.c and bufferedio.c.
 */
public final class BinaryFileMethods {
    private static final String CLOSED = "I/O operation on closed file";

    private BinaryFileMethods() {
    }

    /** Installs these on the four types, each with the methods CPython's class has. */
    static void install() {
        List<NodeFactory<? extends BuiltinNode>> all = BinaryFileMethodsFactory.getFactories();
        define(BinaryFile.FILE_IO, all, Set.of("read1", "peek", "raw", "__init__"));
        define(BinaryFile.BUFFERED_READER, all, Set.of("readall"));
        define(BinaryFile.BUFFERED_WRITER, all, Set.of("readall", "peek"));
        define(BinaryFile.BUFFERED_RANDOM, all, Set.of("readall"));
        for (PyType buffered : List.of(BinaryFile.BUFFERED_READER, BinaryFile.BUFFERED_WRITER, BinaryFile.BUFFERED_RANDOM)) {
            buffered.setSubclassInstances(BinaryFile::new);
        }
    }

    private static void define(PyType type, List<NodeFactory<? extends BuiltinNode>> all, Set<String> without) {
        type.defineBuiltins(all.stream().filter(f -> !without.contains(f.getNodeClass().getAnnotation(Builtin.class).name())).toList());
    }

    /** A size argument: an int, or None / absent for {@code fallback}. */
    private static long size(Object size, long fallback) {
        Object s = Args.orDefault(size, fallback);
        if (!PyOps.isInstance(s, BuiltinTypes.INT)) {
            throw PyErrors.typeError("argument should be integer or None, not '" + PyOps.typeName(s) + "'");
        }
        return Args.index(s, "size");
    }

    @Builtin(name = "read", params = {"self", "size"}, required = 1)
    @GenerateNodeFactory
    abstract static class ReadNode extends BuiltinNode {
        @Specialization
        static Object doRead(BinaryFile self, Object size) {
            self.check("read", true, false, "read of closed file");
            long n = size(size, -1);
            if (n < -1 && !self.isRaw()) {
                throw PyErrors.valueError("read length must be non-negative or -1");
            }
            return new PyBytes(self.read(n));
        }
    }

    @Builtin(name = "readall", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReadAllNode extends BuiltinNode {
        @Specialization
        static Object doRead(BinaryFile self) {
            self.check("readall", false, false, CLOSED);
            if (!self.readable()) {
                // CPython's readall() reads the descriptor without checking the mode first.
                throw PyErrors.osError(9, "Bad file descriptor", null);
            }
            return new PyBytes(self.read(-1));
        }
    }

    /** At most one read of the file: what was read ahead, else one chunk. */
    @Builtin(name = "read1", params = {"self", "size"}, required = 1)
    @GenerateNodeFactory
    abstract static class Read1Node extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRead(BinaryFile self, Object size) {
            self.check("read1", true, false, "read of closed file");
            long n = size(size, -1);
            byte[] ahead = self.peek();
            return new PyBytes(self.read(n < 0 ? ahead.length : Math.min(n, ahead.length)));
        }
    }

    @Builtin(name = "peek", params = {"self", "size"}, required = 1)
    @GenerateNodeFactory
    abstract static class PeekNode extends BuiltinNode {
        @Specialization
        static Object doPeek(BinaryFile self, Object size) {
            self.check("peek", true, false, "peek of closed file");
            size(size, 0);
            return new PyBytes(self.peek());
        }
    }

    @Builtin(name = "readinto", params = {"self", "buffer"})
    @GenerateNodeFactory
    abstract static class ReadIntoNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRead(BinaryFile self, Object buffer) {
            self.check("read", true, false, "readinto of closed file");
            byte[] target;
            int start;
            int length;
            if (buffer instanceof PyByteArray b) {
                target = b.array();
                start = 0;
                length = b.length();
            } else if (buffer instanceof PyMemoryView v && !v.checked().isReadOnly()) {
                target = v.source().array();
                start = v.start();
                length = v.length();
            } else {
                throw PyErrors.typeError("readinto() argument must be read-write bytes-like object, not " + PyOps.typeName(buffer));
            }
            byte[] read = self.read(length);
            System.arraycopy(read, 0, target, start, read.length);
            return (long) read.length;
        }
    }

    @Builtin(name = "readline", params = {"self", "size"}, required = 1)
    @GenerateNodeFactory
    abstract static class ReadLineNode extends BuiltinNode {
        @Specialization
        static Object doReadLine(BinaryFile self, Object size) {
            self.check("read", true, false, "readline of closed file");
            return new PyBytes(self.readLine(size(size, -1)));
        }
    }

    @Builtin(name = "readlines", params = {"self", "hint"}, required = 1)
    @GenerateNodeFactory
    abstract static class ReadLinesNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doReadLines(BinaryFile self, Object hint) {
            self.checkClosedFirst("read", true, false, CLOSED + ".");
            long limit = size(hint, -1);
            PyList lines = new PyList();
            long total = 0;
            // Line by line as iteration reads them (a subclass's own readline, as CPython's IOBase.readlines).
            for (Object line = self.next(); line != null; line = self.next()) {
                lines.append(line);
                total += ((PyBytes) line).length();
                if (limit > 0 && total >= limit) {
                    break;
                }
            }
            return lines;
        }
    }

    @Builtin(name = "write", params = {"self", "data"})
    @GenerateNodeFactory
    abstract static class WriteNode extends BuiltinNode {
        @Specialization
        static Object doWrite(BinaryFile self, Object data) {
            self.check("write", false, true, "write to closed file");
            return self.write(Bytes.requireBuffer(data));
        }
    }

    @Builtin(name = "writelines", params = {"self", "lines"})
    @GenerateNodeFactory
    abstract static class WriteLinesNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doWriteLines(BinaryFile self, Object lines) {
            self.checkClosedFirst("write", false, true, CLOSED + ".");
            for (Object line : Iteration.toArray(lines)) {
                if (self.getPyType().isUserDefined()) {
                    // A derived class's own write, as CPython's IOBase.writelines calls it.
                    SpecialMethods.call(self, "write", line);
                } else {
                    self.write(Bytes.requireBuffer(line));
                }
            }
            return PyNone.NONE;
        }
    }

    @Builtin(name = "seek", params = {"self", "offset", "whence"}, required = 2)
    @GenerateNodeFactory
    abstract static class SeekNode extends BuiltinNode {
        @Specialization
        static Object doSeek(BinaryFile self, Object offset, Object whence) {
            self.check("seek", false, false, "seek of closed file");
            return self.seek(Args.index(offset, "offset"), Args.given(whence) ? Args.index(whence, "whence") : 0);
        }
    }

    @Builtin(name = "tell", params = {"self"})
    @GenerateNodeFactory
    abstract static class TellNode extends BuiltinNode {
        @Specialization
        static Object doTell(BinaryFile self) {
            self.check("tell", false, false, CLOSED);
            return self.tell();
        }
    }

    @Builtin(name = "truncate", params = {"self", "size"}, required = 1)
    @GenerateNodeFactory
    abstract static class TruncateNode extends BuiltinNode {
        @Specialization
        static Object doTruncate(BinaryFile self, Object size) {
            self.checkClosedFirst("truncate", false, true, "truncate of closed file");
            return self.truncate(Args.given(size) && size != PyNone.NONE ? Args.index(size, "size") : self.tell());
        }
    }

    @Builtin(name = "flush", params = {"self"})
    @GenerateNodeFactory
    abstract static class FlushNode extends BuiltinNode {
        @Specialization
        static Object doFlush(BinaryFile self) {
            // A reader's flush is IOBase's; a writer's says what it could not flush.
            self.check("flush", false, false, self.writable() && !self.isRaw() ? "flush of closed file" : CLOSED + ".");
            self.flush();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "close", params = {"self"})
    @GenerateNodeFactory
    abstract static class CloseNode extends BuiltinNode {
        @Specialization
        static Object doClose(BinaryFile self) {
            self.close();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "readable", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReadableNode extends BuiltinNode {
        @Specialization
        static boolean doCheck(BinaryFile self) {
            // BufferedWriter has IOBase's readable(), which is False even when closed.
            if (self.isRaw() || self.readable()) {
                self.check("readable", false, false, CLOSED);
            }
            return self.readable();
        }
    }

    @Builtin(name = "writable", params = {"self"})
    @GenerateNodeFactory
    abstract static class WritableNode extends BuiltinNode {
        @Specialization
        static boolean doCheck(BinaryFile self) {
            if (self.isRaw() || self.writable()) {
                self.check("writable", false, false, CLOSED);
            }
            return self.writable();
        }
    }

    @Builtin(name = "seekable", params = {"self"})
    @GenerateNodeFactory
    abstract static class SeekableNode extends BuiltinNode {
        @Specialization
        static boolean doCheck(BinaryFile self) {
            self.check("seekable", false, false, CLOSED);
            return self.seekable();
        }
    }

    @Builtin(name = "fileno", params = {"self"})
    @GenerateNodeFactory
    abstract static class FilenoNode extends BuiltinNode {
        @Specialization
        static long doFileno(BinaryFile self) {
            self.check("fileno", false, false, CLOSED + ".");
            return self.fileno();
        }
    }

    @Builtin(name = "isatty", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsAttyNode extends BuiltinNode {
        @Specialization
        static boolean doCheck(BinaryFile self) {
            self.check("isatty", false, false, CLOSED);
            return isStandardTerminal(self);
        }
    }

    @TruffleBoundary
    private static boolean isStandardTerminal(BinaryFile self) {
        return self.isStandardOutput() && AioContext.get(null).stdoutIsTerminal();
    }

    @Builtin(name = "__enter__", params = {"self"})
    @GenerateNodeFactory
    abstract static class EnterNode extends BuiltinNode {
        @Specialization
        static Object doEnter(BinaryFile self) {
            self.check("__enter__", false, false, CLOSED + ".");
            return self;
        }
    }

    @Builtin(name = "__exit__", params = {"self"}, varargs = "args")
    @GenerateNodeFactory
    abstract static class ExitNode extends BuiltinNode {
        @Specialization
        static Object doExit(BinaryFile self, Object args) {
            self.close();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "__iter__", params = {"self"})
    @GenerateNodeFactory
    abstract static class IterNode extends BuiltinNode {
        @Specialization
        static Object doIter(BinaryFile self) {
            self.check("__iter__", false, false, CLOSED + ".");
            return self;
        }
    }

    @Builtin(name = "__next__", params = {"self"})
    @GenerateNodeFactory
    abstract static class NextNode extends BuiltinNode {
        @Specialization
        static Object doNext(BinaryFile self) {
            Object line = self.next();
            if (line == null) {
                throw PyErrors.raiseNoArgs(BuiltinTypes.STOP_ITERATION);
            }
            return line;
        }
    }

    @Builtin(name = "name", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class NameNode extends BuiltinNode {
        @Specialization
        static Object doGet(BinaryFile self) {
            Object name = self.name();
            // Over a program's stream without a name, the stream's own AttributeError, as CPython's.
            return name != null ? name : Attributes.get(self.raw(), "name");
        }
    }

    @Builtin(name = "raw", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class RawNode extends BuiltinNode {
        @Specialization
        static Object doGet(BinaryFile self) {
            return self.raw();
        }
    }

    /** A buffer size argument: CPython's buffered classes take only a positive one. */
    private static void checkBufferSize(Object size) {
        if (Args.index(Args.orDefault(size, 8192L), "buffer_size") <= 0) {
            throw PyErrors.valueError("buffer size must be strictly positive");
        }
    }

    /** The buffered types' {@code __init__}, which a class derived from one calls, directly or with {@code super().__init__(raw)}. */
    @Builtin(name = "__init__", params = {"self", "raw", "buffer_size"}, required = 2, posOnly = 1)
    @GenerateNodeFactory
    abstract static class InitNode extends BuiltinNode {
        @Specialization
        static Object doInit(BinaryFile self, Object raw, Object bufferSize) {
            checkBufferSize(bufferSize);
            self.wrap(raw);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "BufferedReader", constructor = true, params = {"cls", "raw", "buffer_size"}, required = 2, posOnly = 1)
    @GenerateNodeFactory
    abstract static class NewReaderNode extends BuiltinNode {
        @Specialization
        static Object doNew(Object cls, Object raw, Object bufferSize) {
            checkBufferSize(bufferSize);
            return BinaryFile.buffering(raw, BinaryFile.BUFFERED_READER);
        }
    }

    @Builtin(name = "BufferedWriter", constructor = true, params = {"cls", "raw", "buffer_size"}, required = 2, posOnly = 1)
    @GenerateNodeFactory
    abstract static class NewWriterNode extends BuiltinNode {
        @Specialization
        static Object doNew(Object cls, Object raw, Object bufferSize) {
            checkBufferSize(bufferSize);
            return BinaryFile.buffering(raw, BinaryFile.BUFFERED_WRITER);
        }
    }

    @Builtin(name = "BufferedRandom", constructor = true, params = {"cls", "raw", "buffer_size"}, required = 2, posOnly = 1)
    @GenerateNodeFactory
    abstract static class NewRandomNode extends BuiltinNode {
        @Specialization
        static Object doNew(Object cls, Object raw, Object bufferSize) {
            checkBufferSize(bufferSize);
            return BinaryFile.buffering(raw, BinaryFile.BUFFERED_RANDOM);
        }
    }

    @Builtin(name = "mode", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class ModeNode extends BuiltinNode {
        @Specialization
        static Object doGet(BinaryFile self) {
            return self.shownMode();
        }
    }

    @Builtin(name = "closed", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class ClosedNode extends BuiltinNode {
        @Specialization
        static boolean doGet(BinaryFile self) {
            return self.isClosed();
        }
    }
}
