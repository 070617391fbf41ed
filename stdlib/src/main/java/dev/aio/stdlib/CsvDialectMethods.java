package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;

/** The read-only parameters of a {@code _csv.Dialect}, as CPython's dialect getters give them. */
public final class CsvDialectMethods {
    private CsvDialectMethods() {
    }

    static void install() {
        CsvDialect.TYPE.defineBuiltins(CsvDialectMethodsFactory.getFactories());
    }

    @Builtin(name = "delimiter", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class DelimiterNode extends BuiltinNode {
        @Specialization
        static Object doGet(CsvDialect self) {
            return CsvDialect.charValue(self.delimiter);
        }
    }

    @Builtin(name = "doublequote", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class DoubleQuoteNode extends BuiltinNode {
        @Specialization
        static Object doGet(CsvDialect self) {
            return self.doublequote;
        }
    }

    @Builtin(name = "escapechar", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class EscapeCharNode extends BuiltinNode {
        @Specialization
        static Object doGet(CsvDialect self) {
            return CsvDialect.charValue(self.escapechar);
        }
    }

    @Builtin(name = "lineterminator", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class LineTerminatorNode extends BuiltinNode {
        @Specialization
        static Object doGet(CsvDialect self) {
            return self.lineterminator;
        }
    }

    @Builtin(name = "quotechar", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class QuoteCharNode extends BuiltinNode {
        @Specialization
        static Object doGet(CsvDialect self) {
            return CsvDialect.charValue(self.quotechar);
        }
    }

    @Builtin(name = "quoting", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class QuotingNode extends BuiltinNode {
        @Specialization
        static Object doGet(CsvDialect self) {
            return self.quoting;
        }
    }

    @Builtin(name = "skipinitialspace", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class SkipInitialSpaceNode extends BuiltinNode {
        @Specialization
        static Object doGet(CsvDialect self) {
            return self.skipinitialspace;
        }
    }

    @Builtin(name = "strict", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class StrictNode extends BuiltinNode {
        @Specialization
        static Object doGet(CsvDialect self) {
            return self.strict;
        }
    }
}
