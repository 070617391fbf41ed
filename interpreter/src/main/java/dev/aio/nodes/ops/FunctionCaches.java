package dev.aio.nodes.ops;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;

import dev.aio.AioContext;
import dev.aio.AioLanguage;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyFunction;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyType;

/**
 * Inline caches kept per function, for code that several contexts share. On one engine (aio's
 * daemon, an embedder's shared {@code Engine}) the bytecode and its nodes serve every context, so
 * a node must not hold what belongs to one context: a module's dict slot, a module, a class written
 * in aio. Such a node takes a slot number of its code instead ({@link dev.aio.runtime.PyCode#newCacheSlot},
 * the same in every context) and keeps what it resolved in that slot of the running function,
 * which belongs to one context. The checks are field loads against version counters (CPython's
 * dict keys version and type version tag), as the assumptions a node would hold are not constants
 * here. With a single context the nodes cache these objects themselves (they are constants in
 * compiled code); these caches then serve a site that outgrows its node's cache.
 */
public final class FunctionCaches {
    private FunctionCaches() {
    }

    /** A global's slot in the module's dict; for a builtin, its slot in builtins, valid while the module's keys stay as they were. */
    record GlobalSlot(PyDict.Entry entry, PyDict module, int moduleKeysVersion) {
    }

    /** A function of a module ({@code asyncio.sleep}): its slot in that module's dict. */
    record ModuleSlot(PyModule module, PyDict.Entry entry) {
    }

    /** What {@link MethodLookupNode} found for instances of a class written in aio, valid while the class and its bases stay as they were. */
    record MethodSlot(Class<?> receiverClass, PyType type, int typeVersion, Object method, boolean hasInstanceDict) {
    }

    /** Whether {@link GetAttrNode} or {@link SetAttrNode} reads or writes the instance dict for a class written in aio, valid while the class and its bases stay as they were. */
    record InstanceDictSlot(PyType type, int typeVersion, boolean viaDict) {
    }

    /** Valid while the language serves one context: a node that holds a context's objects itself is guarded by it. */
    public static Assumption singleContext() {
        return AioLanguage.get(null).singleContextAssumption();
    }

    /** A new slot of the running code in its functions' caches, for a node to keep. */
    public static int newCacheSlot(VirtualFrame frame) {
        return ValueOps.function(frame).getCode().newCacheSlot();
    }

    public static int newCacheSlot(PyFunction caller) {
        return caller.getCode().newCacheSlot();
    }

    /** The value of global or builtin {@code name} as {@code f}'s slot keeps it; looked up (and kept) when the slot is stale. */
    public static Object loadGlobal(PyFunction f, int slot, String name) {
        if (f.cacheSlot(slot) instanceof GlobalSlot s && s.entry.isLive() && (s.module == null || s.module.keysVersion() == s.moduleKeysVersion)) {
            return s.entry.value;
        }
        return resolveGlobal(f, slot, name);
    }

    @TruffleBoundary
    private static Object resolveGlobal(PyFunction f, int slot, String name) {
        PyDict globals = f.getGlobals().namespace();
        PyDict.Entry entry = globals.entry(name);
        if (entry != null) {
            f.setCacheSlot(slot, new GlobalSlot(entry, null, 0));
            return entry.value;
        }
        PyDict.Entry builtin = AioContext.get(null).getBuiltins().namespace().entry(name);
        if (builtin == null) {
            throw ValueOps.undefinedName(f, name);
        }
        f.setCacheSlot(slot, new GlobalSlot(builtin, globals, globals.keysVersion()));
        return builtin.value;
    }

    /** {@code module}'s dict slot for {@code name} as {@code f}'s slot keeps it, or {@code null} when the module has no such key. */
    public static PyDict.Entry moduleEntry(PyFunction f, int slot, PyModule module, String name) {
        if (f.cacheSlot(slot) instanceof ModuleSlot s && s.module == module && s.entry.isLive()) {
            return s.entry;
        }
        return resolveModuleEntry(f, slot, module, name);
    }

    @TruffleBoundary
    private static PyDict.Entry resolveModuleEntry(PyFunction f, int slot, PyModule module, String name) {
        PyDict.Entry entry = module.namespace().entry(name);
        if (entry != null) {
            f.setCacheSlot(slot, new ModuleSlot(module, entry));
        }
        return entry;
    }

    /** {@link MethodLookupNode}'s answer for a receiver whose class is written in aio, as {@code f}'s slot keeps it. */
    static Object methodForCall(PyFunction f, int slot, Object receiver, PyType type, String name) {
        if (f.cacheSlot(slot) instanceof MethodSlot s && s.type == type && s.receiverClass == receiver.getClass() && type.version() == s.typeVersion) {
            return s.method == null || s.hasInstanceDict && Attributes.instanceHas(receiver, name) ? null : s.method;
        }
        return resolveMethod(f, slot, receiver, type, name);
    }

    @TruffleBoundary
    private static Object resolveMethod(PyFunction f, int slot, Object receiver, PyType type, String name) {
        Class<?> receiverClass = receiver.getClass();
        int version = type.version();
        Object method = Attributes.methodForCall(receiverClass, type, name);
        boolean hasInstanceDict = Attributes.hasInstanceDict(receiverClass);
        f.setCacheSlot(slot, new MethodSlot(receiverClass, type, version, method, hasInstanceDict));
        return method == null || hasInstanceDict && Attributes.instanceHas(receiver, name) ? null : method;
    }

    /** {@link Attributes#readsInstanceDict} for {@code type}, as {@code f}'s slot keeps it. */
    static boolean readsInstanceDict(PyFunction f, int slot, PyType type, String name) {
        if (f.cacheSlot(slot) instanceof InstanceDictSlot s && s.type == type && s.typeVersion == type.version()) {
            return s.viaDict;
        }
        return resolveInstanceDict(f, slot, type, name, false);
    }

    /** {@link Attributes#writesInstanceDict} for {@code type}, as {@code f}'s slot keeps it. */
    static boolean writesInstanceDict(PyFunction f, int slot, PyType type, String name) {
        if (f.cacheSlot(slot) instanceof InstanceDictSlot s && s.type == type && s.typeVersion == type.version()) {
            return s.viaDict;
        }
        return resolveInstanceDict(f, slot, type, name, true);
    }

    @TruffleBoundary
    private static boolean resolveInstanceDict(PyFunction f, int slot, PyType type, String name, boolean write) {
        int version = type.version();
        boolean viaDict = write ? Attributes.writesInstanceDict(type, name) : Attributes.readsInstanceDict(type, name);
        f.setCacheSlot(slot, new InstanceDictSlot(type, version, viaDict));
        return viaDict;
    }
}
