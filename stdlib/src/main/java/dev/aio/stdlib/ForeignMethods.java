package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Foreign;
import dev.aio.runtime.PyDictView;
import dev.aio.runtime.PyNone;

/**
 * dict's reading methods on a foreign map (a Java {@code Map} the host hands in), as GraalPy's
 * foreign dicts have them; {@code keys}, {@code values} and {@code items} view the entries the map
 * holds when called.
 */
public final class ForeignMethods {
    private ForeignMethods() {
    }

    /** Installs these on the type of foreign values (attribute lookup offers them on maps only). */
    static void install() {
        Foreign.TYPE.defineBuiltins(ForeignMethodsFactory.getFactories());
    }

    @Builtin(name = "get", params = {"self", "key", "default"}, required = 2)
    @GenerateNodeFactory
    abstract static class GetNode extends BuiltinNode {
        @Specialization
        static Object doGet(Object self, Object key, Object dflt) {
            return Foreign.get(self, key, Args.orDefault(dflt, PyNone.NONE));
        }
    }

    @Builtin(name = "keys", params = {"self"})
    @GenerateNodeFactory
    abstract static class KeysNode extends BuiltinNode {
        @Specialization
        static Object doKeys(Object self) {
            return new PyDictView(Foreign.toDict(self), PyDictView.Kind.KEYS);
        }
    }

    @Builtin(name = "values", params = {"self"})
    @GenerateNodeFactory
    abstract static class ValuesNode extends BuiltinNode {
        @Specialization
        static Object doValues(Object self) {
            return new PyDictView(Foreign.toDict(self), PyDictView.Kind.VALUES);
        }
    }

    @Builtin(name = "items", params = {"self"})
    @GenerateNodeFactory
    abstract static class ItemsNode extends BuiltinNode {
        @Specialization
        static Object doItems(Object self) {
            return new PyDictView(Foreign.toDict(self), PyDictView.Kind.ITEMS);
        }
    }
}
