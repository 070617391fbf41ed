package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.SpecialMethods;

/** Methods of text streams and files ({@code _io.TextIOWrapper}). */
public final class TextIOMethods {
    private TextIOMethods() {
    }

    /** Installs these on the text file type. */
    static void install() {
        TextIO.TYPE.defineBuiltins(TextIOMethodsFactory.getFactories());
        TextIO.TYPE.setSubclassInstances(DerivedTextIOWrapper::new);
    }

    static long size(Object size, String what) {
        Object s = Args.orDefault(size, -1L);
        return Args.index(s, what);
    }

    @Builtin(name = "read", params = {"self", "size"}, required = 1)
    @GenerateNodeFactory
    abstract static class ReadNode extends BuiltinNode {
        @Specialization
        static Object doRead(TextIO self, Object size) {
            self.checkOpen();
            return self.read(size(size, "size"));
        }
    }

    @Builtin(name = "readline", params = {"self", "size"}, required = 1)
    @GenerateNodeFactory
    abstract static class ReadLineNode extends BuiltinNode {
        @Specialization
        static Object doReadLine(TextIO self, Object size) {
            self.checkOpen();
            return self.readLine(size(size, "size"));
        }
    }

    @Builtin(name = "readlines", params = {"self", "hint"}, required = 1)
    @GenerateNodeFactory
    abstract static class ReadLinesNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doReadLines(TextIO self, Object hint) {
            self.checkOpen();
            long limit = size(hint, "hint");
            PyList lines = new PyList();
            long total = 0;
            // Line by line as iteration reads them (a subclass's own readline, as CPython's IOBase.readlines).
            for (Object line = self.next(); line != null; line = self.next()) {
                lines.append(line);
                total += ((String) line).length();
                if (limit > 0 && total >= limit) {
                    break;
                }
            }
            return lines;
        }
    }

    @Builtin(name = "write", params = {"self", "text"})
    @GenerateNodeFactory
    abstract static class WriteNode extends BuiltinNode {
        @Specialization
        static Object doWrite(TextIO self, Object text) {
            self.checkOpen();
            if (!(text instanceof String s)) {
                throw PyErrors.typeError("write() argument must be str, not " + PyOps.typeName(text));
            }
            return self.write(s);
        }
    }

    @Builtin(name = "writelines", params = {"self", "lines"})
    @GenerateNodeFactory
    abstract static class WriteLinesNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doWriteLines(TextIO self, Object lines) {
            self.checkOpen();
            for (Object line : Iteration.toArray(lines)) {
                if (self.getPyType().isUserDefined()) {
                    // A derived class's own write, as CPython's IOBase.writelines calls it.
                    SpecialMethods.call(self, "write", line);
                    continue;
                }
                if (!(line instanceof String s)) {
                    throw PyErrors.typeError("write() argument must be str, not " + PyOps.typeName(line));
                }
                self.write(s);
            }
            return PyNone.NONE;
        }
    }

    @Builtin(name = "flush", params = {"self"})
    @GenerateNodeFactory
    abstract static class FlushNode extends BuiltinNode {
        @Specialization
        static Object doFlush(TextIO self) {
            self.checkOpen();
            self.flush();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "close", params = {"self"})
    @GenerateNodeFactory
    abstract static class CloseNode extends BuiltinNode {
        @Specialization
        static Object doClose(TextIO self) {
            self.close();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "tell", params = {"self"})
    @GenerateNodeFactory
    abstract static class TellNode extends BuiltinNode {
        @Specialization
        static Object doTell(TextIO self) {
            self.checkOpen();
            return self.tell();
        }
    }

    @Builtin(name = "seek", params = {"self", "cookie", "whence"}, required = 2)
    @GenerateNodeFactory
    abstract static class SeekNode extends BuiltinNode {
        @Specialization
        static Object doSeek(TextIO self, Object cookie, Object whence) {
            self.checkOpen();
            return self.seek(Args.index(cookie, "cookie"), Args.given(whence) ? Args.index(whence, "whence") : 0);
        }
    }

    @Builtin(name = "readable", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReadableNode extends BuiltinNode {
        @Specialization
        static boolean doCheck(TextIO self) {
            return self.readable();
        }
    }

    @Builtin(name = "writable", params = {"self"})
    @GenerateNodeFactory
    abstract static class WritableNode extends BuiltinNode {
        @Specialization
        static boolean doCheck(TextIO self) {
            return self.writable();
        }
    }

    @Builtin(name = "seekable", params = {"self"})
    @GenerateNodeFactory
    abstract static class SeekableNode extends BuiltinNode {
        @Specialization
        static boolean doCheck(TextIO self) {
            return self.seekable();
        }
    }

    @Builtin(name = "isatty", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsAttyNode extends BuiltinNode {
        @Specialization
        static boolean doCheck(TextIO self) {
            self.checkOpen();
            return self.isatty();
        }
    }

    @Builtin(name = "__enter__", params = {"self"})
    @GenerateNodeFactory
    abstract static class EnterNode extends BuiltinNode {
        @Specialization
        static Object doEnter(TextIO self) {
            self.checkOpen();
            return self;
        }
    }

    @Builtin(name = "__exit__", params = {"self"}, varargs = "args")
    @GenerateNodeFactory
    abstract static class ExitNode extends BuiltinNode {
        @Specialization
        static Object doExit(TextIO self, Object args) {
            self.close();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "__iter__", params = {"self"})
    @GenerateNodeFactory
    abstract static class IterNode extends BuiltinNode {
        @Specialization
        static Object doIter(TextIO self) {
            self.checkOpen();
            return self;
        }
    }

    @Builtin(name = "__next__", params = {"self"})
    @GenerateNodeFactory
    abstract static class NextNode extends BuiltinNode {
        @Specialization
        static Object doNext(TextIO self) {
            Object line = self.next();
            if (line == null) {
                throw PyErrors.raiseNoArgs(BuiltinTypes.STOP_ITERATION);
            }
            return line;
        }
    }

    @Builtin(name = "detach", params = {"self"})
    @GenerateNodeFactory
    abstract static class DetachNode extends BuiltinNode {
        @Specialization
        static Object doDetach(TextIO self) {
            return self.detach();
        }
    }

    @Builtin(name = "fileno", params = {"self"})
    @GenerateNodeFactory
    abstract static class FilenoNode extends BuiltinNode {
        @Specialization
        static long doFileno(TextIO self) {
            return self.fileno();
        }
    }

    /** The binary stream under the text. */
    @Builtin(name = "buffer", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class BufferNode extends BuiltinNode {
        @Specialization
        static Object doGet(TextIO self) {
            return self.buffer();
        }
    }

    /**
     * {@code io.TextIOWrapper(buffer, encoding=None, errors=None, newline=None, line_buffering=False, write_through=False)}
     * over a binary stream. Text is decoded with the encoding's Java charset, so reading takes only
     * the {@code strict} error handler; writing takes aio's codecs' handlers. Lines are written through at once, so
     * {@code line_buffering} and {@code write_through} change nothing.
     */
    @Builtin(name = "TextIOWrapper", constructor = true, params = {"cls", "buffer", "encoding", "errors", "newline", "line_buffering", "write_through"}, required = 2, posOnly = 1)
    @GenerateNodeFactory
    abstract static class NewNode extends BuiltinNode {
        @Specialization
        static Object doNew(Object cls, Object buffer, Object encoding, Object errors, Object newline, Object lineBuffering, Object writeThrough) {
            return wrapping(buffer, encoding, errors, newline, lineBuffering);
        }
    }

    /** {@code TextIOWrapper.__init__}, which a class derived from it calls, directly or with {@code super().__init__(buffer, ...)}. */
    @Builtin(name = "__init__", params = {"self", "buffer", "encoding", "errors", "newline", "line_buffering", "write_through"}, required = 2, posOnly = 1)
    @GenerateNodeFactory
    abstract static class InitNode extends BuiltinNode {
        @Specialization
        static Object doInit(DerivedTextIOWrapper self, Object buffer, Object encoding, Object errors, Object newline, Object lineBuffering, Object writeThrough) {
            self.initialize(wrapping(buffer, encoding, errors, newline, lineBuffering));
            return PyNone.NONE;
        }

        @Fallback
        static Object doOther(Object self, Object buffer, Object encoding, Object errors, Object newline, Object lineBuffering, Object writeThrough) {
            // CPython's __init__ makes an existing wrapper over a new buffer; aio's own wrappers are made once.
            throw PyErrors.typeError("aio cannot re-initialize a " + PyOps.typeName(self) + " yet");
        }
    }

    private static TextFile wrapping(Object buffer, Object encoding, Object errors, Object newline, Object lineBuffering) {
        Object handler = Args.orDefault(errors, PyNone.NONE);
        TextFile f = TextFile.wrapping(buffer, encoding, handler == PyNone.NONE ? "strict" : Args.string(handler, "TextIOWrapper() argument 'errors'"), newline);
        f.lineBuffering = PyOps.isTrue(Args.orDefault(lineBuffering, false));
        return f;
    }

    @Builtin(name = "name", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class NameNode extends BuiltinNode {
        @Specialization
        static Object doGet(TextIO self) {
            return self.name();
        }
    }

    @Builtin(name = "mode", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class ModeNode extends BuiltinNode {
        @Specialization
        static Object doGet(TextIO self) {
            Object mode = self.shownMode();
            if (mode == null) {
                throw PyErrors.attributeError(self, "mode");
            }
            return mode;
        }
    }

    /** What the wrapper was made with (its lines reach the stream at once either way); for {@code sys.stdout}, how it is buffered. */
    @Builtin(name = "line_buffering", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class LineBufferingNode extends BuiltinNode {
        @Specialization
        static boolean doGet(TextIO self) {
            return self.lineBuffering();
        }
    }

    @Builtin(name = "errors", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class ErrorsNode extends BuiltinNode {
        @Specialization
        static Object doGet(TextIO self) {
            return self.errors();
        }
    }

    @Builtin(name = "encoding", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class EncodingNode extends BuiltinNode {
        @Specialization
        static Object doGet(TextIO self) {
            String encoding = self.encoding();
            return encoding == null ? PyNone.NONE : encoding;
        }
    }

    @Builtin(name = "closed", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class ClosedNode extends BuiltinNode {
        @Specialization
        static boolean doGet(TextIO self) {
            return self.isClosed();
        }
    }
}
