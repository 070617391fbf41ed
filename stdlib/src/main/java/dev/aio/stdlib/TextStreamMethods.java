package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;

/** {@code sys.stdout.write(s)} and {@code flush()}, which file-like code (logging's handlers, json.dump) calls. */
public final class TextStreamMethods {
    private TextStreamMethods() {
    }

    @Builtin(name = "write", params = {"self", "s"})
    @GenerateNodeFactory
    abstract static class WriteNode extends BuiltinNode {
        @Specialization
        static long doWrite(TextStream self, Object s) {
            if (!(s instanceof String text)) {
                throw PyErrors.typeError("write() argument must be str, not " + PyOps.typeName(s));
            }
            self.write(AioContext.get(null), text);
            return text.codePointCount(0, text.length());
        }
    }

    @Builtin(name = "flush", params = {"self"})
    @GenerateNodeFactory
    abstract static class FlushNode extends BuiltinNode {
        @Specialization
        static Object doFlush(TextStream self) {
            self.stream(AioContext.get(null)).flush();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "name", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class NameNode extends BuiltinNode {
        @Specialization
        static Object doName(TextStream self) {
            return self.displayName();
        }
    }
}
