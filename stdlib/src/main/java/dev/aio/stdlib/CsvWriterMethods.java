package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.PyIterator;
import dev.aio.runtime.PyNone;

/** Methods of a {@code _csv.writer}: {@code writerow}, {@code writerows} and its {@code dialect}. */
public final class CsvWriterMethods {
    private CsvWriterMethods() {
    }

    static void install() {
        CsvWriter.TYPE.defineBuiltins(CsvWriterMethodsFactory.getFactories());
    }

    @Builtin(name = "writerow", params = {"self", "row"})
    @GenerateNodeFactory
    abstract static class WriteRowNode extends BuiltinNode {
        @Specialization
        static Object doWriteRow(CsvWriter self, Object row) {
            return self.writeRow(row);
        }
    }

    @Builtin(name = "writerows", params = {"self", "rows"})
    @GenerateNodeFactory
    abstract static class WriteRowsNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doWriteRows(CsvWriter self, Object rows) {
            PyIterator it = Iteration.iter(rows);
            for (Object row = it.next(); row != null; row = it.next()) {
                self.writeRow(row);
            }
            return PyNone.NONE;
        }
    }

    @Builtin(name = "dialect", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class DialectNode extends BuiltinNode {
        @Specialization
        static Object doGet(CsvWriter self) {
            return self.dialect;
        }
    }
}
