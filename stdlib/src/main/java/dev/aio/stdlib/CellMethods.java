package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyCell;
import dev.aio.runtime.PyErrors;

/** A closure cell's {@code cell_contents} (CPython's Objects/cellobject.c). */
public final class CellMethods {
    private CellMethods() {
    }

    static void install() {
        BuiltinTypes.CELL.defineBuiltins(CellMethodsFactory.getFactories());
    }

    @Builtin(name = "cell_contents", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class ContentsNode extends BuiltinNode {
        @Specialization
        static Object doContents(PyCell self) {
            if (self.value == null) {
                throw PyErrors.valueError("Cell is empty");
            }
            return self.value;
        }
    }
}
