package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;

/** The attributes of a {@code _csv.reader}: its {@code dialect} and {@code line_num}, the lines read so far. */
public final class CsvReaderMethods {
    private CsvReaderMethods() {
    }

    static void install() {
        CsvReader.TYPE.defineBuiltins(CsvReaderMethodsFactory.getFactories());
    }

    @Builtin(name = "dialect", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class DialectNode extends BuiltinNode {
        @Specialization
        static Object doGet(CsvReader self) {
            return self.dialect;
        }
    }

    @Builtin(name = "line_num", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class LineNumNode extends BuiltinNode {
        @Specialization
        static Object doGet(CsvReader self) {
            return self.lineNum;
        }
    }
}
