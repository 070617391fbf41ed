package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyMappingProxy;
import dev.aio.runtime.Operators;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.Subscripts;

/**
 * {@code types.MappingProxyType}: the reading methods of the mapping it wraps, and no writing one
 * (CPython's Objects/descrobject.c, mappingproxy). Each method asks the mapping, so a proxy shows
 * the mapping as it is now.
 */
public final class MappingProxyMethods {
    private MappingProxyMethods() {
    }

    static void install() {
        BuiltinTypes.MAPPING_PROXY.defineBuiltins(MappingProxyMethodsFactory.getFactories());
    }

    /** {@code mappingproxy(mapping)}: a dict, or an object with {@code __getitem__} that is not a list or tuple. */
    @Builtin(name = "mappingproxy", constructor = true, params = {"cls", "mapping"})
    @GenerateNodeFactory
    abstract static class NewNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(@SuppressWarnings("unused") Object cls, Object mapping) {
            boolean isMapping = mapping instanceof PyDict || mapping instanceof PyMappingProxy
                            || !(mapping instanceof PyList || mapping instanceof PyTuple || mapping instanceof String) && Attributes.find(mapping, "__getitem__") != null
                                            && Attributes.find(mapping, "keys") != null;
            if (!isMapping) {
                throw PyErrors.typeError("mappingproxy() argument must be a mapping, not " + PyOps.typeName(mapping));
            }
            return new PyMappingProxy(mapping instanceof PyMappingProxy p ? p.mapping() : mapping);
        }
    }

    @Builtin(name = "__getitem__", params = {"self", "key"})
    @GenerateNodeFactory
    abstract static class GetItemNode extends BuiltinNode {
        @Specialization
        static Object doGetItem(PyMappingProxy self, Object key) {
            return Subscripts.getItem(self.mapping(), key);
        }
    }

    @Builtin(name = "__len__", params = {"self"})
    @GenerateNodeFactory
    abstract static class LenNode extends BuiltinNode {
        @Specialization
        static long doLen(PyMappingProxy self) {
            return PyOps.len(self.mapping());
        }
    }

    @Builtin(name = "__iter__", params = {"self"})
    @GenerateNodeFactory
    abstract static class IterNode extends BuiltinNode {
        @Specialization
        static Object doIter(PyMappingProxy self) {
            return Iteration.iter(self.mapping());
        }
    }

    @Builtin(name = "__contains__", params = {"self", "key"})
    @GenerateNodeFactory
    abstract static class ContainsNode extends BuiltinNode {
        @Specialization
        static boolean doContains(PyMappingProxy self, Object key) {
            return Operators.contains(self.mapping(), key);
        }
    }

    @Builtin(name = "get", params = {"self", "key", "default"}, required = 2)
    @GenerateNodeFactory
    abstract static class GetNode extends BuiltinNode {
        @Specialization
        static Object doGet(PyMappingProxy self, Object key, Object fallback) {
            return Args.given(fallback) ? Calls.call(Attributes.get(self.mapping(), "get"), key, fallback) : Calls.call(Attributes.get(self.mapping(), "get"), key);
        }
    }

    @Builtin(name = "keys", params = {"self"})
    @GenerateNodeFactory
    abstract static class KeysNode extends BuiltinNode {
        @Specialization
        static Object doKeys(PyMappingProxy self) {
            return Calls.call(Attributes.get(self.mapping(), "keys"));
        }
    }

    @Builtin(name = "values", params = {"self"})
    @GenerateNodeFactory
    abstract static class ValuesNode extends BuiltinNode {
        @Specialization
        static Object doValues(PyMappingProxy self) {
            return Calls.call(Attributes.get(self.mapping(), "values"));
        }
    }

    @Builtin(name = "items", params = {"self"})
    @GenerateNodeFactory
    abstract static class ItemsNode extends BuiltinNode {
        @Specialization
        static Object doItems(PyMappingProxy self) {
            return Calls.call(Attributes.get(self.mapping(), "items"));
        }
    }

    /** A shallow copy of the mapping (a dict for a dict), not a proxy. */
    @Builtin(name = "copy", params = {"self"})
    @GenerateNodeFactory
    abstract static class CopyNode extends BuiltinNode {
        @Specialization
        static Object doCopy(PyMappingProxy self) {
            return Calls.call(Attributes.get(self.mapping(), "copy"));
        }
    }
}
