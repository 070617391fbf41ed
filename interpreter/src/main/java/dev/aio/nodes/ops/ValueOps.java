package dev.aio.nodes.ops;

import java.math.BigInteger;
import java.util.Arrays;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.source.SourceSection;

import dev.aio.AioContext;
import dev.aio.ast.BinaryOperator;
import dev.aio.asyncio.CoroutineLike;
import dev.aio.runtime.AioException;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Bytes;
import dev.aio.runtime.Formatting;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.Operators;
import dev.aio.runtime.PyByteArray;
import dev.aio.runtime.PyCell;
import dev.aio.runtime.PyCode;
import dev.aio.runtime.PyDeque;
import dev.aio.runtime.PyComplex;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyFunction;
import dev.aio.runtime.PyIterator;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PySet;
import dev.aio.runtime.PySlice;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyValueInstance;
import dev.aio.runtime.SpecialMethods;
import dev.aio.runtime.Subscripts;
import dev.aio.runtime.Suggestions;

/** The semantics behind the bytecode's value operations. */
public final class ValueOps {
    private ValueOps() {
    }

    @TruffleBoundary
    public static void warnNeverAwaited(CoroutineLike coroutine, SourceSection at) {
        AioContext context = AioContext.get(null);
        if (at == null || !at.isAvailable()) {
            context.neverAwaited().dropped(coroutine, "sys", 1, null);
            return;
        }
        String file = at.getSource().getName();
        int line = at.getStartLine();
        // Like CPython's linecache: no source line for code that is not a file (-c, stdin).
        String text = file.matches("<[^/]*>") ? null : at.getSource().getCharacters(line).toString().strip();
        context.neverAwaited().dropped(coroutine, file, line, text);
    }

    /** CPython's {@code sys.displayhook}: None is not shown; anything else is printed as its repr and kept in {@code builtins._}. */
    @TruffleBoundary
    public static void display(Object value) {
        if (value == PyNone.NONE) {
            return;
        }
        AioContext context = AioContext.get(null);
        String text = PyOps.repr(value);
        context.getBuiltins().put("_", value);
        context.out().println(text);
    }

    public static PyFunction function(VirtualFrame frame) {
        return (PyFunction) frame.getArguments()[0];
    }

    public static Object loadGlobal(VirtualFrame frame, String name) {
        Object v = function(frame).getGlobals().get(name);
        if (v == null) {
            v = AioContext.get(null).getBuiltins().get(name);
            if (v == null) {
                throw undefinedName(function(frame), name);
            }
        }
        return v;
    }

    /** The builtin {@code name} resolves to in {@code globals}' module, or {@code null} when the module has the name or builtins lack it. */
    @TruffleBoundary
    public static PyDict.Entry builtinEntry(PyDict globals, String name) {
        return globals.entry(name) != null ? null : AioContext.get(null).getBuiltins().namespace().entry(name);
    }

    /** The NameError, remembering where the name was looked for (for its "Did you mean" suggestion). */
    @TruffleBoundary
    static AioException undefinedName(PyFunction function, String name) {
        PyCode code = function.getCode();
        String[] locals = code == null ? new String[0] : code.localNames();
        return Suggestions.nameError(name, new Suggestions.NameScopes(locals, function.getGlobals(), AioContext.get(null).getBuiltins()));
    }

    public static void deleteGlobal(VirtualFrame frame, String name) {
        if (function(frame).getGlobals().remove(name) == null) {
            throw PyErrors.nameError(name);
        }
    }

    @TruffleBoundary
    public static RuntimeException unboundLocal(String name) {
        return PyErrors.raise(BuiltinTypes.UNBOUND_LOCAL_ERROR, "cannot access local variable '" + name + "' where it is not associated with a value");
    }

    public static Object newCell(Object initial) {
        return new PyCell(initial);
    }

    @TruffleBoundary
    public static Object cellGet(String name, boolean free, Object cell) {
        Object v = ((PyCell) cell).value;
        if (v == null) {
            if (free) {
                throw PyErrors.raise(BuiltinTypes.NAME_ERROR, "cannot access free variable '" + name + "' where it is not associated with a value in enclosing scope");
            }
            throw unboundLocal(name);
        }
        return v;
    }

    public static void cellSet(Object cell, Object value) {
        ((PyCell) cell).value = value;
    }

    /** Python's {@code is}: identity, with ints, floats and bools compared by value as boxed Java values would not be. */
    public static boolean is(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof Long x && b instanceof Long y) {
            return x.longValue() == y.longValue();
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.booleanValue() == y.booleanValue();
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(y);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.equals(y);
        }
        return false;
    }

    @TruffleBoundary
    public static Object inplaceAdd(Object a, Object b) {
        if (SpecialMethods.isUserObject(a)) {
            Object r = SpecialMethods.call(a, "__iadd__", b);
            if (r != SpecialMethods.NOT_DEFINED && r != SpecialMethods.NOT_IMPLEMENTED) {
                return r;
            }
        }
        if (a instanceof PyList l) {
            l.items().addAll(Arrays.asList(Iteration.toArray(b)));
            return l;
        }
        if (a instanceof PyByteArray bytes) {
            byte[] more = Bytes.bufferOf(b);
            if (more == null) {
                throw PyErrors.typeError("can't concat " + PyOps.typeName(b) + " to bytearray");
            }
            bytes.append(more);
            return bytes;
        }
        if (a instanceof PyDeque d) {
            for (Object x : b == d ? d.toArray() : Iteration.toArray(b)) {
                d.addLast(x);
            }
            return d;
        }
        return Operators.binary(BinaryOperator.ADD, a, b);
    }

    @TruffleBoundary
    public static Object negate(Object a) {
        if (Numbers.isNumber(a)) {
            return Numbers.neg(a);
        }
        if (a instanceof PyComplex c) {
            return new PyComplex(-c.real, -c.imag);
        }
        Object r = SpecialMethods.call(a, "__neg__");
        if (r != SpecialMethods.NOT_DEFINED) {
            return r;
        }
        if (a instanceof PyValueInstance v) {
            return negate(v.value());
        }
        throw PyErrors.typeError("bad operand type for unary -: '" + PyOps.typeName(a) + "'");
    }

    @TruffleBoundary
    public static Object positive(Object a) {
        if (a instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (Numbers.isNumber(a) || a instanceof PyComplex) {
            return a;
        }
        Object r = SpecialMethods.call(a, "__pos__");
        if (r != SpecialMethods.NOT_DEFINED) {
            return r;
        }
        if (a instanceof PyValueInstance v) {
            return positive(v.value());
        }
        throw PyErrors.typeError("bad operand type for unary +: '" + PyOps.typeName(a) + "'");
    }

    @TruffleBoundary
    public static Object invert(Object a) {
        if (Numbers.isInt(a)) {
            return Numbers.normalize(Numbers.big(a).not());
        }
        Object r = SpecialMethods.call(a, "__invert__");
        if (r != SpecialMethods.NOT_DEFINED) {
            return r;
        }
        if (a instanceof PyValueInstance v) {
            return invert(v.value());
        }
        throw PyErrors.typeError("bad operand type for unary ~: '" + PyOps.typeName(a) + "'");
    }

    public static void delAttr(Object obj, String name) {
        Attributes.delete(obj, name);
    }

    public static Object getItem(Object obj, Object index) {
        return Subscripts.getItem(obj, index);
    }

    public static void setItem(Object obj, Object index, Object value) {
        Subscripts.setItem(obj, index, value);
    }

    public static void delItem(Object obj, Object index) {
        Subscripts.delItem(obj, index);
    }

    public static Object slice(Object lower, Object upper, Object step) {
        return new PySlice(lower, upper, step);
    }

    public static Object list(Object[] items) {
        return new PyList(items);
    }

    public static Object tuple(Object[] items) {
        return PyTuple.of(items);
    }

    @TruffleBoundary
    public static Object set(Object[] items) {
        PySet s = new PySet();
        for (Object o : items) {
            s.add(o);
        }
        return s;
    }

    @TruffleBoundary
    public static Object dict(Object[] keysAndValues) {
        PyDict d = new PyDict();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            d.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return d;
    }

    public static void listAppend(Object list, Object item) {
        ((PyList) list).append(item);
    }

    @TruffleBoundary
    public static void listExtend(Object list, Object iterable) {
        ((PyList) list).items().addAll(Arrays.asList(Iteration.toArray(iterable)));
    }

    public static Object listToTuple(Object list) {
        return PyTuple.of(((PyList) list).toArray());
    }

    public static void setAdd(Object set, Object item) {
        ((PySet) set).add(item);
    }

    @TruffleBoundary
    public static void setUpdate(Object set, Object iterable) {
        for (Object o : Iteration.toArray(iterable)) {
            ((PySet) set).add(o);
        }
    }

    @TruffleBoundary
    public static void dictUpdate(Object dict, Object mapping) {
        if (!(mapping instanceof PyDict m)) {
            throw PyErrors.typeError("'" + PyOps.typeName(mapping) + "' object is not a mapping");
        }
        for (PyDict.Entry e : m.entries()) {
            ((PyDict) dict).put(e.key, e.value);
        }
    }

    @TruffleBoundary
    public static Object unpack(Object value, int count) {
        if (value instanceof PyTuple || value instanceof PyList) {
            Object[] items = Iteration.toArray(value);
            if (items.length < count) {
                throw notEnoughToUnpack(count, items.length);
            }
            if (items.length > count) {
                throw tooManyToUnpack(count);
            }
            return items;
        }
        // As CPython's unpack_iterable: take count items, then ask for one more, so that an endless
        // iterator (a pending future's, which yields the future) fails at once instead of running forever.
        PyIterator it = Iteration.iter(value);
        Object[] items = new Object[count];
        for (int i = 0; i < count; i++) {
            Object x = it.next();
            if (x == null) {
                throw notEnoughToUnpack(count, i);
            }
            items[i] = x;
        }
        if (it.next() != null) {
            throw tooManyToUnpack(count);
        }
        return items;
    }

    private static RuntimeException notEnoughToUnpack(int expected, int got) {
        return PyErrors.valueError("not enough values to unpack (expected " + expected + ", got " + got + ")");
    }

    private static RuntimeException tooManyToUnpack(int expected) {
        return PyErrors.valueError("too many values to unpack (expected " + expected + ")");
    }

    @TruffleBoundary
    public static Object unpackStarred(Object value, int before, int after) {
        Object[] items = Iteration.toArray(value);
        if (items.length < before + after) {
            throw PyErrors.valueError("not enough values to unpack (expected at least " + (before + after) + ", got " + items.length + ")");
        }
        Object[] out = new Object[before + 1 + after];
        System.arraycopy(items, 0, out, 0, before);
        out[before] = new PyList(Arrays.copyOfRange(items, before, items.length - after));
        System.arraycopy(items, items.length - after, out, before + 1, after);
        return out;
    }

    public static Object iter(Object iterable) {
        return Iteration.iter(iterable);
    }

    public static Object next(Object iterator) {
        return ((PyIterator) iterator).next();
    }

    @TruffleBoundary
    public static Object importModule(String dottedName) {
        AioContext ctx = AioContext.get(null);
        Object module = ctx.importForCode(dottedName);
        int dot = dottedName.indexOf('.');
        return dot < 0 ? module : ctx.importForCode(dottedName.substring(0, dot));
    }

    @TruffleBoundary
    public static Object importSubmodule(String dottedName) {
        return AioContext.get(null).importForCode(dottedName);
    }

    /**
     * {@code from .mod import x} in a module of a package: the module {@code .mod} names, found from
     * the importing module's {@code __package__}.
     */
    @TruffleBoundary
    public static Object importRelative(PyModule globals, String name, int level) {
        Object pkg = globals.get("__package__");
        if (!(pkg instanceof String base) || base.isEmpty()) {
            throw PyErrors.raise(BuiltinTypes.IMPORT_ERROR, "attempted relative import with no known parent package");
        }
        for (int i = 1; i < level; i++) {
            int dot = base.lastIndexOf('.');
            if (dot < 0) {
                throw PyErrors.raise(BuiltinTypes.IMPORT_ERROR, "attempted relative import beyond top-level package");
            }
            base = base.substring(0, dot);
        }
        return AioContext.get(null).importForCode(name.isEmpty() ? base : base + "." + name);
    }

    @TruffleBoundary
    public static Object importFrom(Object module, String name) {
        if (!(module instanceof PyModule m)) {
            Object v = Attributes.find(module, name);
            if (v == null) {
                throw PyErrors.raise(BuiltinTypes.IMPORT_ERROR, "cannot import name '" + name + "' from '" + PyOps.str(Attributes.find(module, "__name__")) + "' (unknown location)");
            }
            return v;
        }
        Object v = m.isDerived() ? derivedModuleAttribute(m, name) : m.get(name);
        if (v == null && m.get("__getattr__") instanceof Object moduleGetattr) {
            // PEP 562: the module's __getattr__ may provide it; its AttributeError means it does not.
            try {
                return Calls.call(moduleGetattr, name);
            } catch (AioException e) {
                if (!e.getPyType().isSubtypeOf(BuiltinTypes.ATTRIBUTE_ERROR)) {
                    throw e;
                }
            }
        }
        if (v == null) {
            AioContext ctx = AioContext.get(null);
            Object sub = ctx.sysModules().get(m.getName() + "." + name);
            if (sub == null) {
                sub = ctx.findModule(m.getName() + "." + name);
            }
            if (sub != null) {
                return sub;
            }
            Object file = m.get("__file__");
            String location = file instanceof String f && !f.startsWith("<") ? f : "unknown location";
            if (ctx.isInitializing(m)) {
                throw PyErrors.raise(BuiltinTypes.IMPORT_ERROR, "cannot import name '" + name + "' from partially initialized module '" + m.getName()
                                + "' (most likely due to a circular import) (" + location + ")");
            }
            throw PyErrors.raise(BuiltinTypes.IMPORT_ERROR, "cannot import name '" + name + "' from '" + m.getName() + "' (" + location + ")");
        }
        return v;
    }

    /** {@code getattr(m, name)} of a module whose class derives from ModuleType (its properties, methods, {@code __getattr__}), or null. */
    private static Object derivedModuleAttribute(PyModule m, String name) {
        try {
            return Attributes.get(m, name);
        } catch (AioException e) {
            if (!e.getPyType().isSubtypeOf(BuiltinTypes.ATTRIBUTE_ERROR)) {
                throw e;
            }
            return null;
        }
    }

    @TruffleBoundary
    public static void importStar(PyModule globals, Object module) {
        PyModule m = (PyModule) module;
        Object all = m.get("__all__");
        if (all != null) {
            for (Object name : Iteration.toArray(all)) {
                if (!(name instanceof String s)) {
                    throw PyErrors.typeError("Item in " + m.getName() + ".__all__ must be str, not " + PyOps.typeName(name));
                }
                globals.put(s, importFrom(m, s));
            }
            return;
        }
        for (Object key : m.namespace().keys()) {
            if (key instanceof String s && !s.startsWith("_")) {
                globals.put(s, m.get(s));
            }
        }
    }

    @TruffleBoundary
    public static Object formatValue(Object value, int conversion, Object spec) {
        Object v = value;
        if (conversion == 'r') {
            v = PyOps.repr(value);
        } else if (conversion == 's') {
            v = PyOps.str(value);
        } else if (conversion == 'a') {
            v = Formatting.ascii(PyOps.repr(value));
        }
        return Formatting.format(v, spec == null ? "" : (String) spec);
    }

    @TruffleBoundary
    public static Object concatStrings(Object[] parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            sb.append((String) p);
        }
        return sb.toString();
    }


}
