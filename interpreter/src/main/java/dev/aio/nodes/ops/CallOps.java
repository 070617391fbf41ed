package dev.aio.nodes.ops;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.GenerateInline;
import com.oracle.truffle.api.dsl.Introspectable;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.EncapsulatingNodeReference;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.Node;

import dev.aio.AioLanguage;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinSpec;
import dev.aio.runtime.CallDepth;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.Missing;
import dev.aio.runtime.PyBoundMethod;
import dev.aio.runtime.PyBuiltinFunction;
import dev.aio.runtime.PyCell;
import dev.aio.runtime.PyCode;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyFunction;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;
import dev.aio.runtime.Signature;

/** Calls from aio code: a cached fast path for plain positional calls, the binder for everything else. */
public final class CallOps {
    private CallOps() {
    }

    /**
     * {@code f(a, b)}: direct calls to a function whose parameters the arguments fill exactly.
     * {@code frameArguments} is the callee frame's argument array as the operation built it: slot 0
     * is free for the callee (every aio frame's first argument), the call's arguments follow, so a
     * simple call passes it on without copying (CPython's vectorcall leaves a slot free the same way).
     */
    @GenerateInline(false)
    @Introspectable
    public abstract static class CallNode extends Node {
        public abstract Object execute(Object callee, Object[] frameArguments);

        protected static boolean isSimpleCall(PyFunction f, Object[] frameArguments) {
            return isSimpleCall(f.getCode(), frameArguments);
        }

        /** With the cached code, a constant in compiled code, the check folds to the argument count's. */
        protected static boolean isSimpleCall(PyCode code, Object[] frameArguments) {
            return code.signature().isSimple(frameArguments.length - 1);
        }

        protected static boolean isSimpleCall(BuiltinSpec spec, Object[] frameArguments) {
            return spec.signature().isSimple(frameArguments.length - 1);
        }

        @Specialization(guards = {"f.getCode() == cachedCode", "isSimpleCall(cachedCode, frameArguments)"}, limit = "3")
        static Object doDirect(PyFunction f, Object[] frameArguments,
                        @Cached("f.getCode()") PyCode cachedCode,
                        @Cached("create(cachedCode.callTarget())") DirectCallNode callNode,
                        @Bind Node node) {
            frameArguments[0] = f;
            return callFunction(f, cachedCode, callNode, frameArguments, node);
        }

        @Specialization(guards = {"b.getSpec() == cachedSpec", "isSimpleCall(cachedSpec, frameArguments)"}, limit = "3")
        static Object doBuiltin(PyBuiltinFunction b, Object[] frameArguments,
                        @Cached("b.getSpec()") BuiltinSpec cachedSpec,
                        @Cached("create(b.getCallTarget())") DirectCallNode callNode,
                        @Bind Node node) {
            frameArguments[0] = b;
            return callBuiltin(cachedSpec, callNode, frameArguments, node);
        }

        /**
         * {@code f(a)} for {@code def f(a, b=1)}: the omitted parameters take the function's defaults,
         * copied in here as {@link dev.aio.runtime.ArgumentBinder} would, without binding by name.
         */
        @Specialization(guards = {"f.getCode() == cachedCode", "takesDefaults(f, frameArguments)"}, limit = "3")
        static Object doDirectWithDefaults(PyFunction f, Object[] frameArguments,
                        @Cached("f.getCode()") PyCode cachedCode,
                        @Cached("create(cachedCode.callTarget())") DirectCallNode callNode,
                        @Bind Node node) {
            Object[] defaults = f.getDefaults();
            int parameters = cachedCode.signature().positional().length;
            int omitted = parameters - (frameArguments.length - 1);
            Object[] slots = Arrays.copyOf(frameArguments, parameters + 1);
            System.arraycopy(defaults, defaults.length - omitted, slots, frameArguments.length, omitted);
            slots[0] = f;
            return callFunction(f, cachedCode, callNode, slots, node);
        }

        /**
         * {@code asyncio.sleep(0)}: a builtin's optional parameters left out are {@link Missing}, as
         * the binder leaves them, so such a call needs no binding either.
         */
        @Specialization(guards = {"b.getSpec() == cachedSpec", "takesOptionalTail(cachedSpec, frameArguments)"}, limit = "3")
        static Object doBuiltinOptionalTail(PyBuiltinFunction b, Object[] frameArguments,
                        @Cached("b.getSpec()") BuiltinSpec cachedSpec,
                        @Cached("create(b.getCallTarget())") DirectCallNode callNode,
                        @Bind Node node) {
            return callBuiltin(cachedSpec, callNode, optionalTailSlots(b, cachedSpec, frameArguments, 1, frameArguments.length - 1), node);
        }

        /**
         * A builtin's frame arguments for a call that leaves optional parameters out: {@code b}, the
         * {@code count} arguments from {@code source[from]}, then {@link Missing} for each parameter
         * left out, in one array.
         */
        static Object[] optionalTailSlots(PyBuiltinFunction b, BuiltinSpec spec, Object[] source, int from, int count) {
            Object[] slots = new Object[spec.signature().slotCount() + 1];
            slots[0] = b;
            System.arraycopy(source, from, slots, 1, count);
            Arrays.fill(slots, count + 1, slots.length, Missing.INSTANCE);
            return slots;
        }

        /**
         * {@code enumerate(xs)}, {@code map(f, xs)}: a builtin class whose constructor takes the call's
         * arguments as CPython's {@code tp_new} does, {@code (cls, *args, **kwargs)}, called directly,
         * without binding: a call with no keywords leaves the kwargs slot {@link Missing}. A class's
         * call is no recursion level.
         */
        @Specialization(guards = {"t == cachedType", "takesArgumentTuple(cachedType)"}, limit = "3")
        static Object doBuiltinClass(PyType t, Object[] frameArguments,
                        @Cached("t") PyType cachedType,
                        @Cached("constructorOf(cachedType)") PyBuiltinFunction constructor,
                        @Cached("create(constructor.getCallTarget())") DirectCallNode callNode) {
            PyTuple args = new PyTuple(Arrays.copyOfRange(frameArguments, 1, frameArguments.length));
            return callNode.call(constructor, cachedType, args, Missing.INSTANCE);
        }

        protected static boolean takesArgumentTuple(PyType t) {
            if (!t.constructsSubclasses()) {
                return false;
            }
            Signature signature = t.getConstructor().signature();
            return signature.positional().length == 1 && signature.hasVarargs() && signature.kwOnly().length == 0 && signature.hasKwargs();
        }

        protected static PyBuiltinFunction constructorOf(PyType t) {
            return AioLanguage.get(null).builtinFunction(t.getConstructor());
        }

        /**
         * {@code m(a)} for a bound method ({@code from random import randint}, {@code ap = items.append}):
         * the function called with the receiver before the arguments, through a call node of its
         * own, so that it takes the direct paths above as the method call {@code obj.f(a)} does.
         */
        @Specialization
        static Object doBoundMethod(PyBoundMethod m, Object[] frameArguments,
                        @Cached CallNode functionCall) {
            Object[] slots = new Object[frameArguments.length + 1];
            slots[1] = m.getSelf();
            System.arraycopy(frameArguments, 1, slots, 2, frameArguments.length - 1);
            return functionCall.execute(m.getFunction(), slots);
        }

        /** An aio function's call as one recursion level; an {@code async def} or generator gives its object. */
        private static Object callFunction(PyFunction f, PyCode code, DirectCallNode callNode, Object[] arguments, Node node) {
            CallDepth depth = CallDepth.current(node);
            depth.enter();
            Object result;
            try {
                result = callNode.call(arguments);
            } finally {
                depth.exit();
            }
            return code.isCoroutine() || code.isGenerator() ? Calls.wrapResult(f, code, result) : result;
        }

        /** A builtin's call: a recursion level, as in CPython, unless it is a class's constructor. */
        static Object callBuiltin(BuiltinSpec spec, DirectCallNode callNode, Object[] arguments, Node node) {
            if (spec.isConstructor()) {
                return callNode.call(arguments);
            }
            CallDepth depth = CallDepth.current(node);
            depth.enter(CallDepth.CALLING);
            try {
                return callNode.call(arguments);
            } finally {
                depth.exit();
            }
        }

        protected static boolean takesDefaults(PyFunction f, Object[] frameArguments) {
            Signature signature = f.getCode().signature();
            int n = frameArguments.length - 1;
            Object[] defaults = f.getDefaults();
            return signature.kwOnly().length == 0 && signature.isPositionalPrefix(n) && defaults != null && n < signature.positional().length
                            && n >= signature.positional().length - defaults.length;
        }

        protected static boolean takesOptionalTail(BuiltinSpec spec, Object[] frameArguments) {
            return takesOptionalTail(spec, frameArguments.length - 1);
        }

        /** A call of the builtin with {@code n} positional arguments leaves out optional parameters, which it sees as {@link Missing}. */
        static boolean takesOptionalTail(BuiltinSpec spec, int n) {
            return spec.signature().isPositionalPrefix(n) && n >= spec.required() && !spec.signature().isSimple(n);
        }

        @Specialization(replaces = {"doDirect", "doBuiltin", "doDirectWithDefaults", "doBuiltinOptionalTail", "doBuiltinClass"})
        static Object doGeneric(Object callee, Object[] frameArguments,
                        @Cached IndirectCallNode indirect,
                        @Bind Node node) {
            if (callee instanceof PyFunction f && isSimpleCall(f, frameArguments)) {
                frameArguments[0] = f;
                PyCode code = f.getCode();
                CallDepth depth = CallDepth.current(node);
                depth.enter();
                Object result;
                try {
                    result = indirect.call(code.callTarget(), frameArguments);
                } finally {
                    depth.exit();
                }
                return Calls.wrapResult(f, code, result);
            }
            return callAt(node, callee, Arrays.copyOfRange(frameArguments, 1, frameArguments.length), null, null);
        }
    }

    /**
     * {@link Calls#call} made by the operation {@code location}: the callee's frame records it as
     * its caller's position, so the caller's current line stays known (for logging's records).
     */
    @TruffleBoundary
    static Object callAt(Node location, Object callee, Object[] positional, String[] kwNames, Object[] kwValues) {
        EncapsulatingNodeReference current = EncapsulatingNodeReference.getCurrent();
        Node previous = current.set(location);
        CallDepth depth = countsAsLevel(callee) ? CallDepth.current(location) : null;
        if (depth != null) {
            depth.enter(CallDepth.CALLING);
        }
        try {
            return Calls.call(callee, positional, kwNames, kwValues);
        } finally {
            if (depth != null) {
                depth.exit();
            }
            current.set(previous);
        }
    }

    /**
     * CPython's bytecode counts a call of a builtin function or method as a recursion level, and
     * the call of a class defined in aio code ({@code _PyObject_MakeTpCall}, before its
     * {@code __init__} frame); a builtin class's call is not (its {@code tp_vectorcall}), and an aio
     * function's frame counts itself. Builtins that Java code calls, as CPython's C code calls them, are not levels.
     */
    private static boolean countsAsLevel(Object callee) {
        Object f = callee instanceof PyBoundMethod m ? m.getFunction() : callee;
        return f instanceof PyBuiltinFunction b && !b.getSpec().isConstructor() || f instanceof PyType t && t.isUserDefined();
    }

    @TruffleBoundary
    public static Object callWithKeywords(Node location, Object callee, Object[] args, String[] kwNames) {
        int nPositional = args.length - kwNames.length;
        Object[] positional = new Object[nPositional];
        Object[] kwValues = new Object[kwNames.length];
        System.arraycopy(args, 0, positional, 0, nPositional);
        System.arraycopy(args, nPositional, kwValues, 0, kwNames.length);
        return callAt(location, callee, positional, kwNames, kwValues);
    }

    @TruffleBoundary
    public static Object callVarargs(Node location, Object callee, Object positional, Object keywords) {
        Object[] args = Iteration.toArray(positional);
        if (keywords == null) {
            return callAt(location, callee, args, null, null);
        }
        if (!(keywords instanceof PyDict kw)) {
            throw PyErrors.typeError("argument after ** must be a mapping, not " + PyOps.typeName(keywords));
        }
        String[] names = new String[kw.size()];
        Object[] values = new Object[kw.size()];
        int i = 0;
        for (PyDict.Entry e : kw.entries()) {
            if (!(e.key instanceof String s)) {
                throw PyErrors.typeError("keywords must be strings");
            }
            names[i] = s;
            values[i++] = e.value;
        }
        return callAt(location, callee, args, names, values);
    }

    /**
     * {@code receiver.name(args)}: {@code frameArguments} has two free slots before the arguments,
     * for the function and the receiver, so a method found on the class is called with no copy,
     * and without a bound method when {@code lookup} knows the method from the receiver's type.
     * {@code caller} is the running function, whose inline caches {@code lookup} may use.
     */
    public static Object callMethod(String name, Object receiver, Object[] frameArguments, PyFunction caller, MethodLookupNode lookup, CallNode call) {
        Object function = lookup.execute(receiver, name, caller);
        if (function != null) {
            frameArguments[1] = receiver;
            return call.execute(function, frameArguments);
        }
        Object method = Attributes.get(receiver, name);
        if (method instanceof PyBoundMethod m) {
            frameArguments[1] = m.getSelf();
            return call.execute(m.getFunction(), frameArguments);
        }
        return call.execute(method, Arrays.copyOfRange(frameArguments, 1, frameArguments.length));
    }

    @TruffleBoundary
    public static Object makeFunction(PyFunction enclosing, PyCode code, Object defaults, Object kwDefaults, Object[] cells) {
        Object[] defaultValues = defaults == null ? null : ((PyTuple) defaults).items();
        Map<String, Object> kw = null;
        if (kwDefaults != null) {
            kw = new HashMap<>();
            for (PyDict.Entry e : ((PyDict) kwDefaults).entries()) {
                kw.put((String) e.key, e.value);
            }
        }
        PyCell[] closure = new PyCell[cells.length];
        for (int i = 0; i < cells.length; i++) {
            closure[i] = (PyCell) cells[i];
        }
        return new PyFunction(code, enclosing.getGlobals(), defaultValues, kw, closure);
    }


}
