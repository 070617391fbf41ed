package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.ContinuationResult;

import dev.aio.AioLanguage;

/**
 * Calling any callable value: the generic path, used by Java code (callbacks, builtins that call
 * back into aio) and by call sites whose arguments need binding. Frame arguments are always
 * {@code [callee, slot0, slot1, ...]} in the callee's {@link Signature} layout.
 */
public final class Calls {
    private Calls() {
    }

    @TruffleBoundary
    public static Object call(Object callee, Object... args) {
        return call(callee, args, null, null);
    }

    @TruffleBoundary
    public static Object call(Object callee, Object[] positional, String[] kwNames, Object[] kwValues) {
        if (callee instanceof BuiltinSpec spec) {
            // A builtin class method (dict.fromkeys) holds its spec; the function is made per language.
            return call(AioLanguage.get(null).builtinFunction(spec), positional, kwNames, kwValues);
        }
        if (callee instanceof PyFunction f) {
            PyCode code = f.getCode();
            Object[] slots = ArgumentBinder.bind(code.qualName(), code.signature(), f.getDefaults(), f.getKwDefaults(), Integer.MAX_VALUE, positional, kwNames,
                            kwValues);
            return callFunction(f, slots);
        }
        if (callee instanceof PyBuiltinFunction b) {
            BuiltinSpec spec = b.getSpec();
            Object[] slots = ArgumentBinder.bind(spec.name(), spec.signature(), null, null, spec.required(), positional, kwNames, kwValues);
            return b.getCallTarget().call(prepend(b, slots));
        }
        if (callee instanceof PyBoundMethod m) {
            return call(m.getFunction(), prepend(m.getSelf(), positional), kwNames, kwValues);
        }
        if (callee instanceof PyType t && t.isUserDefined()) {
            return Classes.call(t, positional, kwNames, kwValues);
        }
        if (callee instanceof PyType t) {
            return construct(t, t, positional, kwNames, kwValues);
        }
        if (callee instanceof PyGenericAlias g) {
            return call(g.origin(), positional, kwNames, kwValues);
        }
        if (callee instanceof PyWeakRef r) {
            if (positional.length + (kwNames == null ? 0 : kwNames.length) != 0) {
                throw PyErrors.typeError("weakref expected 0 arguments, got " + (positional.length + (kwNames == null ? 0 : kwNames.length)));
            }
            return r.get();
        }
        if (Foreign.is(callee)) {
            return Foreign.call(callee, positional, kwNames);
        }
        Object call = SpecialMethods.lookup(callee, "__call__");
        if (call != null) {
            return call(Attributes.bind(call, callee, PyOps.typeOf(callee)), positional, kwNames, kwValues);
        }
        throw PyErrors.typeError("'" + PyOps.typeName(callee) + "' object is not callable");
    }

    /** Calls the constructor of the builtin type {@code t} with {@code cls}, {@code t} itself or a class derived from it. */
    private static Object construct(PyType t, PyType cls, Object[] positional, String[] kwNames, Object[] kwValues) {
        BuiltinSpec ctor = t.getConstructor();
        if (ctor == null) {
            throw PyErrors.typeError("cannot create '" + t.qualifiedName() + "' instances");
        }
        PyBuiltinFunction fn = AioLanguage.get(null).builtinFunction(ctor);
        // Library classes (asyncio.Lock, ...) are Python classes in CPython: errors name their __init__.
        String name = t.getModule().equals("builtins") ? t.getName() : t.getName() + ".__init__";
        Object[] slots = ArgumentBinder.bind(name, ctor.signature(), null, null, ctor.required(), prepend(cls, positional), kwNames, kwValues);
        return fn.getCallTarget().call(prepend(fn, slots));
    }

    /**
     * {@code object.__new__(t)}, {@code dict.__new__(t)}...: a new, empty instance of a class
     * defined in aio code, made of its builtin base (a tuple or frozenset takes its items from the
     * iterable argument; an int, float, complex, str or bytes is what the base makes of the arguments;
     * a set, bytearray or deque is empty until its {@code __init__}).
     */
    @TruffleBoundary
    public static Object newInstance(PyType t, Object[] positional) {
        return newInstance(t, positional, null, null);
    }

    /**
     * {@code int.__new__(t, ...)}, {@code str.__new__(t, ...)}, {@code bytes.__new__(t, ...)}... with keyword
     * arguments: the value is what calling the builtin base with the same arguments gives.
     */
    @TruffleBoundary
    public static Object newInstance(PyType t, Object[] positional, String[] kwNames, Object[] kwValues) {
        PyType base = t.builtinBase();
        if (base.isSubtypeOf(BuiltinTypes.BASE_EXCEPTION)) {
            return new PyBaseException(t, new PyTuple(positional.clone()));
        }
        if (base == BuiltinTypes.OBJECT) {
            return new PyInstance(t);
        }
        if (base == BuiltinTypes.DICT) {
            return new PyDict(t);
        }
        if (base == BuiltinTypes.LIST) {
            return new PyList(t);
        }
        if (base == BuiltinTypes.TUPLE) {
            if (positional.length > 1) {
                throw PyErrors.typeError("tuple expected at most 1 argument, got " + positional.length);
            }
            return new PyTuple(t, positional.length == 0 ? new Object[0] : Iteration.toArray(positional[0]).clone());
        }
        if (base == BuiltinTypes.INT || base == BuiltinTypes.FLOAT || base == BuiltinTypes.STR || base == BuiltinTypes.COMPLEX) {
            return new PyValueInstance(t, PyValueInstance.unwrap(call(base, positional, kwNames, kwValues)));
        }
        if (base == BuiltinTypes.BYTES) {
            return new PyBytes(t, ((PyBytes) call(base, positional, kwNames, kwValues)).array());
        }
        if (base == BuiltinTypes.SET) {
            // set.__init__ fills it, as in CPython.
            return new PySet(t);
        }
        if (base == BuiltinTypes.BYTEARRAY) {
            // bytearray.__init__ fills it, as in CPython.
            return new PyByteArray(t);
        }
        if (base == BuiltinTypes.DEQUE) {
            // deque.__init__ sets maxlen and fills it, as in CPython.
            return new PyDeque(t);
        }
        if (base == BuiltinTypes.FROZENSET) {
            if (positional.length > 1) {
                throw PyErrors.typeError("frozenset expected at most 1 argument, got " + positional.length);
            }
            PySet s = new PySet(t);
            if (positional.length == 1) {
                for (Object o : Iteration.toArray(positional[0])) {
                    s.add(o);
                }
            }
            return s;
        }
        if (base == PyGenericAlias.TYPE) {
            return PyGenericAlias.create(t, positional);
        }
        if (base == PyWeakRef.TYPE) {
            return PyWeakRef.ofArguments(t, positional);
        }
        if (base.constructsSubclasses()) {
            return construct(base, t, positional, kwNames, kwValues);
        }
        if (base.subclassInstances() != null) {
            // asyncio.Queue, asyncio.Future...: their builtin __init__ fills it, as CPython's.
            return base.subclassInstances().apply(t);
        }
        throw PyErrors.typeError("aio cannot subclass the builtin type '" + base.getName() + "' yet");
    }

    /** Calls a function with bound slots; an {@code async def} gives its coroutine. */
    public static Object callFunction(PyFunction f, Object[] slots) {
        PyCode code = f.getCode();
        Object result = CallDepth.call(code.callTarget(), prepend(f, slots));
        return wrapResult(f, code, result);
    }

    /**
     * The prologue of an {@code async def} ends in a yield: the suspended body is the coroutine.
     * {@code code} is the one the call ran, not read again from {@code f}: a call node passes its
     * cached code, a constant in compiled code, so only the object of its kind is made there (read
     * after the call, the code's kind was unknown and the three kinds' objects met at a merge,
     * which made the escape analysis allocate whichever was made).
     */
    public static Object wrapResult(PyFunction f, PyCode code, Object result) {
        if (code.isCoroutine() || code.isGenerator()) {
            code.forgetStartSuspension((ContinuationResult) result);
        }
        if (code.isCoroutine()) {
            return code.isGenerator() ? new PyAsyncGenerator(f, (ContinuationResult) result) : new PyCoroutine(f, (ContinuationResult) result);
        }
        if (code.isGenerator()) {
            return new PyGenerator(f, (ContinuationResult) result);
        }
        return result;
    }

    public static Object[] prepend(Object first, Object[] rest) {
        Object[] r = new Object[rest.length + 1];
        r[0] = first;
        System.arraycopy(rest, 0, r, 1, rest.length);
        return r;
    }

    public static boolean isCallable(Object o) {
        return o instanceof PyFunction || o instanceof PyBuiltinFunction || o instanceof PyBoundMethod || o instanceof PyType || o instanceof PyGenericAlias
                        || (Foreign.is(o) && Foreign.isCallable(o))
                        || SpecialMethods.lookup(o, "__call__") != null;
    }
}
