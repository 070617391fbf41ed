package dev.aio.nodes.ops;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.GenerateInline;
import com.oracle.truffle.api.dsl.ImportStatic;
import com.oracle.truffle.api.dsl.Introspectable;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

import dev.aio.runtime.Attributes;
import dev.aio.runtime.PyFunction;
import dev.aio.runtime.PyInstance;
import dev.aio.runtime.PyType;

/**
 * {@code obj.name}: for an instance of an aio class whose attribute of that name can only live in
 * the instance dict ({@link Attributes#readsInstanceDict}), one dict lookup, the class's answer
 * kept per type while the type and its bases stay unchanged (CPython's {@code LOAD_ATTR} with its
 * per-type inline cache); anything else, and a name the instance lacks, through
 * {@link Attributes#get}. One node serves one site, so {@code name} is always the same.
 * <p>
 * Such a class belongs to one context: the node keeps it only while the language serves a single
 * context, and code that several contexts share (aio's daemon) keeps the answer in the calling
 * function's cache ({@link FunctionCaches}), so a site neither holds an earlier run's classes nor
 * misses on each run's new ones.
 */
@GenerateInline(false)
@ImportStatic(FunctionCaches.class)
@Introspectable
public abstract class GetAttrNode extends Node {
    /** {@code caller}: the function whose code reads the attribute. */
    public abstract Object execute(Object obj, String name, PyFunction caller);

    @Specialization(guards = {"obj.getPyType() == type", "readsDict"}, assumptions = {"singleContext", "unchanged"}, limit = "3")
    static Object doInstance(PyInstance obj, String name, PyFunction caller,
                    @Cached("singleContext()") Assumption singleContext,
                    @Cached("obj.getPyType()") PyType type,
                    @Cached("type.unchangedAssumption()") Assumption unchanged,
                    @Cached("readsInstanceDict(type, name)") boolean readsDict) {
        return fromDict(obj, name);
    }

    @Specialization
    static Object doInstancePerFunction(PyInstance obj, String name, PyFunction caller,
                    @Cached("newCacheSlot(caller)") int slot) {
        return FunctionCaches.readsInstanceDict(caller, slot, obj.getPyType(), name) ? fromDict(obj, name) : Attributes.get(obj, name);
    }

    @Specialization(guards = "!isInstance(obj)")
    static Object doGeneric(Object obj, String name, PyFunction caller) {
        return Attributes.get(obj, name);
    }

    private static Object fromDict(PyInstance obj, String name) {
        Object value = obj.dict().get(name);
        return value != null ? value : Attributes.get(obj, name);
    }

    static boolean isInstance(Object obj) {
        return obj instanceof PyInstance;
    }

    static boolean readsInstanceDict(PyType type, String name) {
        return Attributes.readsInstanceDict(type, name);
    }
}
