package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyGenerator;
import dev.aio.runtime.PyIterator;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyType;

/**
 * {@code __iter__} and {@code __next__} of the builtin iterators and generators, for code that
 * takes the bound method ({@code next = it.__next__}, as CPython's {@code heapq.merge} does).
 */
public final class IteratorMethods {
    private IteratorMethods() {
    }

    /** Before GeneratorMethods, which a generator's own methods of the same name replace. */
    static void install() {
        for (PyType type : BuiltinTypes.ITERATORS) {
            type.defineBuiltins(IteratorMethodsFactory.getFactories());
        }
        PyGenerator.type().defineBuiltins(IteratorMethodsFactory.getFactories());
    }

    @Builtin(name = "__iter__", params = {"self"})
    @GenerateNodeFactory
    abstract static class IterNode extends BuiltinNode {
        @Specialization
        static Object doIter(PyIterator self) {
            return self;
        }
    }

    @Builtin(name = "__next__", params = {"self"})
    @GenerateNodeFactory
    abstract static class NextNode extends BuiltinNode {
        @Specialization
        static Object doNext(PyIterator self) {
            if (self instanceof PyGenerator g) {
                // A finished generator's StopIteration carries its return value.
                return g.send(PyNone.NONE);
            }
            Object v = self.next();
            if (v == null) {
                throw PyErrors.raiseNoArgs(BuiltinTypes.STOP_ITERATION);
            }
            return v;
        }
    }
}
