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
 * {@code obj.name = value}: for an instance of an aio class that stores an attribute of that name
 * in the instance dict ({@link Attributes#writesInstanceDict}), one dict store, the class's answer
 * kept per type while the type and its bases stay unchanged (CPython's {@code STORE_ATTR} with its
 * per-type inline cache); anything else through {@link Attributes#set}. As in {@link GetAttrNode},
 * the node keeps a class only while the language serves a single context, and shared code keeps
 * the answer in the calling function's cache.
 */
@GenerateInline(false)
@ImportStatic(FunctionCaches.class)
@Introspectable
public abstract class SetAttrNode extends Node {
    /** {@code caller}: the function whose code stores the attribute. */
    public abstract void execute(Object obj, String name, Object value, PyFunction caller);

    @Specialization(guards = {"obj.getPyType() == type", "writesDict"}, assumptions = {"singleContext", "unchanged"}, limit = "3")
    static void doInstance(PyInstance obj, String name, Object value, PyFunction caller,
                    @Cached("singleContext()") Assumption singleContext,
                    @Cached("obj.getPyType()") PyType type,
                    @Cached("type.unchangedAssumption()") Assumption unchanged,
                    @Cached("writesInstanceDict(type, name)") boolean writesDict) {
        obj.dict().put(name, value);
    }

    @Specialization
    static void doInstancePerFunction(PyInstance obj, String name, Object value, PyFunction caller,
                    @Cached("newCacheSlot(caller)") int slot) {
        if (FunctionCaches.writesInstanceDict(caller, slot, obj.getPyType(), name)) {
            obj.dict().put(name, value);
        } else {
            Attributes.set(obj, name, value);
        }
    }

    @Specialization(guards = "!isInstance(obj)")
    static void doGeneric(Object obj, String name, Object value, PyFunction caller) {
        Attributes.set(obj, name, value);
    }

    static boolean isInstance(Object obj) {
        return obj instanceof PyInstance;
    }

    static boolean writesInstanceDict(PyType type, String name) {
        return Attributes.writesInstanceDict(type, name);
    }
}
