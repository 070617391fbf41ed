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
 * {@code obj.name}: for an instance of an aio class whose attribute of that name can only live in
 * the instance dict ({@link Attributes#readsInstanceDict}), one dict lookup, the class's answer
 * kept per type while the type and its bases stay unchanged (CPython's {@code LOAD_ATTR} with its
 * per-type inline cache); anything else, and a name the instance lacks, through
 * {@link Attributes#get}. One node serves one site, so {@code name} is always the same.
 */
@GenerateInline(false)
public abstract class GetAttrNode extends Node {
    public abstract Object execute(Object obj, String name);

    @Specialization(guards = {"obj.getPyType() == type", "readsDict"}, assumptions = "unchanged", limit = "3")
    static Object doInstance(PyInstance obj, String name,
                    @Cached("obj.getPyType()") PyType type,
                    @Cached("type.unchangedAssumption()") Assumption unchanged,
                    @Cached("readsInstanceDict(type, name)") boolean readsDict) {
        Object value = obj.dict().get(name);
        return value != null ? value : Attributes.get(obj, name);
    }

    @Specialization
    static Object doGeneric(Object obj, String name) {
        return Attributes.get(obj, name);
    }

    static boolean readsInstanceDict(PyType type, String name) {
        return Attributes.readsInstanceDict(type, name);
    }
}
