package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyAsyncGenerator;

/** Methods of asynchronous generators: {@code __anext__}, {@code asend}, {@code athrow}, {@code aclose}, {@code __aiter__}. */
public final class AsyncGeneratorMethods {
    private AsyncGeneratorMethods() {
    }

    /** Installs these on {@code async_generator}. */
    static void install() {
        PyAsyncGenerator.type().defineBuiltins(AsyncGeneratorMethodsFactory.getFactories());
    }

    @Builtin(name = "__aiter__", params = {"self"})
    @GenerateNodeFactory
    abstract static class AiterNode extends BuiltinNode {
        @Specialization
        static Object doAiter(PyAsyncGenerator self) {
            return self;
        }
    }

    @Builtin(name = "__anext__", params = {"self"})
    @GenerateNodeFactory
    abstract static class AnextNode extends BuiltinNode {
        @Specialization
        static Object doAnext(PyAsyncGenerator self) {
            return self.anext(false);
        }
    }

    @Builtin(name = "asend", params = {"self", "value"})
    @GenerateNodeFactory
    abstract static class AsendNode extends BuiltinNode {
        @Specialization
        static Object doAsend(PyAsyncGenerator self, Object value) {
            return self.asend(value);
        }
    }

    /** {@code athrow(exc)} or, as before 3.12, {@code athrow(type, value=None, traceback=None)}. */
    @Builtin(name = "athrow", params = {"self", "typ", "val", "tb"}, required = 2)
    @GenerateNodeFactory
    abstract static class AthrowNode extends BuiltinNode {
        @Specialization
        static Object doAthrow(PyAsyncGenerator self, Object typ, Object val, Object tb) {
            return self.athrow(GeneratorMethods.exception(typ, val, tb));
        }
    }

    @Builtin(name = "aclose", params = {"self"})
    @GenerateNodeFactory
    abstract static class AcloseNode extends BuiltinNode {
        @Specialization
        static Object doAclose(PyAsyncGenerator self) {
            return self.aclose();
        }
    }
}
