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
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;

/**
 * The method {@code receiver.name(...)} calls with the receiver as its first argument, looked up
 * once per receiver type and kept while the type and its bases stay unchanged: CPython's
 * {@code LOAD_METHOD} with its per-type cache, guarded by the type's version tag. {@code null} when
 * the attribute is no plain method of the class (see {@link Attributes#methodForCall}) or the
 * instance has an attribute of that name itself: the call then takes the general path. Whether an
 * instance of a class written in aio could have such an attribute is known per class
 * ({@link PyType#noInstanceAttribute}), so its dict is looked at only once one has. One node
 * serves one call site, so {@code name} is always the same.
 * <p>
 * Builtin types are the same in every context; a class written in aio belongs to one. The node
 * keeps such a class only while the language serves a single context; code that several
 * contexts share keeps it in the calling function's inline cache ({@link FunctionCaches}), so the
 * site stays monomorphic however many runs of aio's daemon define the class anew.
 */
@GenerateInline(false)
@ImportStatic(FunctionCaches.class)
@Introspectable
public abstract class MethodLookupNode extends Node {
    /** {@code caller}: the function whose code makes the call. */
    public abstract Object execute(Object receiver, String name, PyFunction caller);

    @Specialization(guards = {"receiver.getClass() == receiverClass", "typeOf(receiver) == type", "!type.isUserDefined()"}, assumptions = "unchanged", limit = "3")
    static Object doBuiltinType(Object receiver, String name, PyFunction caller,
                    @Cached("receiver.getClass()") Class<?> receiverClass,
                    @Cached("typeOf(receiver)") PyType type,
                    @Cached("type.unchangedAssumption()") Assumption unchanged,
                    @Cached("methodForCall(receiverClass, type, name)") Object method,
                    @Cached("hasInstanceDict(receiverClass)") boolean hasInstanceDict) {
        return cachedAnswer(receiver, name, method, hasInstanceDict, Assumption.NEVER_VALID);
    }

    @Specialization(guards = {"receiver.getClass() == receiverClass", "typeOf(receiver) == type", "type.isUserDefined()"}, assumptions = {"singleContext", "unchanged"}, limit = "3")
    static Object doUserType(Object receiver, String name, PyFunction caller,
                    @Cached("singleContext()") Assumption singleContext,
                    @Cached("receiver.getClass()") Class<?> receiverClass,
                    @Cached("typeOf(receiver)") PyType type,
                    @Cached("type.unchangedAssumption()") Assumption unchanged,
                    @Cached("methodForCall(receiverClass, type, name)") Object method,
                    @Cached("hasInstanceDict(receiverClass)") boolean hasInstanceDict,
                    @Cached("noInstanceAttribute(receiverClass, type, name)") Assumption noInstanceAttribute) {
        return cachedAnswer(receiver, name, method, hasInstanceDict, noInstanceAttribute);
    }

    @Specialization(guards = "isUserType(receiver)")
    static Object doUserTypePerFunction(Object receiver, String name, PyFunction caller,
                    @Cached("newCacheSlot(caller)") int slot) {
        return FunctionCaches.methodForCall(caller, slot, receiver, typeOf(receiver), name);
    }

    @Specialization(replaces = {"doBuiltinType", "doUserType"})
    static Object doUncached(Object receiver, String name, PyFunction caller) {
        return Attributes.methodForCall(receiver, name);
    }

    /**
     * {@code noInstanceAttribute}, while valid, says that the receiver's own attributes cannot hide
     * the method, so its dict is not looked at (a constant in compiled code, which the first instance
     * that gains the name deoptimizes).
     */
    private static Object cachedAnswer(Object receiver, String name, Object method, boolean hasInstanceDict, Assumption noInstanceAttribute) {
        if (method == null || hasInstanceDict && !noInstanceAttribute.isValid() && Attributes.instanceHas(receiver, name)) {
            return null;
        }
        return method;
    }

    static boolean isUserType(Object receiver) {
        return typeOf(receiver).isUserDefined();
    }

    static PyType typeOf(Object receiver) {
        return PyOps.typeOf(receiver);
    }

    static Object methodForCall(Class<?> receiverClass, PyType type, String name) {
        return Attributes.methodForCall(receiverClass, type, name);
    }

    /** Only an instance of a class written in aio (not of a subclass of a builtin) has its names watched. */
    static Assumption noInstanceAttribute(Class<?> receiverClass, PyType type, String name) {
        return receiverClass == PyInstance.class ? type.noInstanceAttribute(name) : Assumption.NEVER_VALID;
    }

    static boolean hasInstanceDict(Class<?> receiverClass) {
        return Attributes.hasInstanceDict(receiverClass);
    }
}
