package dev.aio.nodes.ops;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.GenerateInline;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

import dev.aio.runtime.Attributes;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;

/**
 * The method {@code receiver.name(...)} calls with the receiver as its first argument, looked up
 * once per receiver type and kept while the type and its bases stay unchanged: CPython's
 * {@code LOAD_METHOD} with its per-type cache, guarded by the type's version tag. {@code null} when
 * the attribute is no plain method of the class (see {@link Attributes#methodForCall}) or the
 * instance has an attribute of that name itself: the call then takes the general path. One node
 * serves one call site, so {@code name} is always the same.
 */
@GenerateInline(false)
public abstract class MethodLookupNode extends Node {
    public abstract Object execute(Object receiver, String name);

    @Specialization(guards = {"receiver.getClass() == receiverClass", "typeOf(receiver) == type"}, assumptions = "unchanged", limit = "3")
    static Object doCached(Object receiver, String name,
                    @Cached("receiver.getClass()") Class<?> receiverClass,
                    @Cached("typeOf(receiver)") PyType type,
                    @Cached("type.unchangedAssumption()") Assumption unchanged,
                    @Cached("methodForCall(receiverClass, type, name)") Object method,
                    @Cached("hasInstanceDict(receiverClass)") boolean hasInstanceDict) {
        if (method == null || hasInstanceDict && Attributes.instanceHas(receiver, name)) {
            return null;
        }
        return method;
    }

    @Specialization(replaces = "doCached")
    static Object doUncached(Object receiver, String name) {
        return Attributes.methodForCall(receiver, name);
    }

    static PyType typeOf(Object receiver) {
        return PyOps.typeOf(receiver);
    }

    static Object methodForCall(Class<?> receiverClass, PyType type, String name) {
        return Attributes.methodForCall(receiverClass, type, name);
    }

    static boolean hasInstanceDict(Class<?> receiverClass) {
        return Attributes.hasInstanceDict(receiverClass);
    }
}
