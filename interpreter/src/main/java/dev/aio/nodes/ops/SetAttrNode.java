package dev.aio.nodes.ops;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.GenerateInline;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

import dev.aio.runtime.Attributes;
import dev.aio.runtime.PyInstance;
import dev.aio.runtime.PyType;

/**
 * {@code obj.name = value}: for an instance of an aio class that stores an attribute of that name
 * in the instance dict ({@link Attributes#writesInstanceDict}), one dict store, the class's answer
 * kept per type while the type and its bases stay unchanged (CPython's {@code STORE_ATTR} with its
 * per-type inline cache); anything else through {@link Attributes#set}.
 */
@GenerateInline(false)
public abstract class SetAttrNode extends Node {
    public abstract void execute(Object obj, String name, Object value);

    @Specialization(guards = {"obj.getPyType() == type", "writesDict"}, assumptions = "unchanged", limit = "3")
    static void doInstance(PyInstance obj, String name, Object value,
                    @Cached("obj.getPyType()") PyType type,
                    @Cached("type.unchangedAssumption()") Assumption unchanged,
                    @Cached("writesInstanceDict(type, name)") boolean writesDict) {
        obj.dict().put(name, value);
    }

    @Specialization
    static void doGeneric(Object obj, String name, Object value) {
        Attributes.set(obj, name, value);
    }

    static boolean writesInstanceDict(PyType type, String name) {
        return Attributes.writesInstanceDict(type, name);
    }
}
