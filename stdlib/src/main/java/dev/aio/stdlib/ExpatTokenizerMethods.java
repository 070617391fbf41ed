package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Bytes;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;

/** Methods of pyexpat's tokenizer: {@code feed} and {@code position}. */
public final class ExpatTokenizerMethods {
    private ExpatTokenizerMethods() {
    }

    static void install() {
        ExpatTokenizer.TYPE.defineBuiltins(ExpatTokenizerMethodsFactory.getFactories());
    }

    /** {@code feed(data, isfinal, text, namespace_prefixes)}: the events the piece completes, as {@link ExpatTokenizer#feed} says. */
    @Builtin(name = "feed", params = {"self", "data", "isfinal", "text", "namespace_prefixes"})
    @GenerateNodeFactory
    abstract static class FeedNode extends BuiltinNode {
        @Specialization
        static Object doFeed(ExpatTokenizer self, Object data, Object isFinal, Object text, Object prefixes) {
            return self.feed(Bytes.requireBuffer(data), PyOps.isTrue(isFinal), PyOps.isTrue(text), PyOps.isTrue(prefixes));
        }
    }

    /** Where the input not consumed yet starts, as (line, column, byte index). */
    @Builtin(name = "position", params = {"self"})
    @GenerateNodeFactory
    abstract static class PositionNode extends BuiltinNode {
        @Specialization
        static Object doPosition(ExpatTokenizer self) {
            long[] p = self.position();
            return PyTuple.of(p[0], p[1], p[2]);
        }
    }
}
