package dev.aio.nodes.ops;

import java.util.HashMap;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.GenerateInline;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.EncapsulatingNodeReference;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.Node;

import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinSpec;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.PyBoundMethod;
import dev.aio.runtime.PyBuiltinFunction;
import dev.aio.runtime.PyCell;
import dev.aio.runtime.PyCode;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyFunction;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;

/** Calls from aio code: a cached fast path for plain positional calls, the binder for everything else. */
public final class CallOps {
    private CallOps() {
    }

    /** {@code f(a, b)}: direct calls to a function whose parameters the arguments fill exactly. */
    @GenerateInline(false)
    public abstract static class CallNode extends Node {
        public abstract Object execute(Object callee, Object[] args);

        protected static boolean isSimpleCall(PyFunction f, Object[] args) {
            return f.getCode().signature().isSimple(args.length);
        }

        @Specialization(guards = {"f.getCode() == cachedCode", "isSimpleCall(f, args)"}, limit = "3")
        static Object doDirect(PyFunction f, Object[] args,
                        @Cached("f.getCode()") PyCode cachedCode,
                        @Cached("create(cachedCode.callTarget())") DirectCallNode callNode) {
            Object result = callNode.call(Calls.prepend(f, args));
            return cachedCode.isCoroutine() || cachedCode.isGenerator() ? Calls.wrapResult(f, result) : result;
        }

        @Specialization(guards = {"b.getSpec() == cachedSpec", "cachedSpec.signature().isSimple(args.length)"}, limit = "3")
        static Object doBuiltin(PyBuiltinFunction b, Object[] args,
                        @Cached("b.getSpec()") BuiltinSpec cachedSpec,
                        @Cached("create(b.getCallTarget())") DirectCallNode callNode) {
            return callNode.call(Calls.prepend(b, args));
        }

        @Specialization(replaces = {"doDirect", "doBuiltin"})
        static Object doGeneric(Object callee, Object[] args,
                        @Cached IndirectCallNode indirect,
                        @Bind Node node) {
            if (callee instanceof PyFunction f && isSimpleCall(f, args)) {
                RootCallTarget target = f.getCode().callTarget();
                return Calls.wrapResult(f, indirect.call(target, Calls.prepend(f, args)));
            }
            return callAt(node, callee, args, null, null);
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
        try {
            return Calls.call(callee, positional, kwNames, kwValues);
        } finally {
            current.set(previous);
        }
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

    public static Object callMethod(String name, Object receiver, Object[] args, CallNode call) {
        Object method = Attributes.get(receiver, name);
        if (method instanceof PyBoundMethod m) {
            return call.execute(m.getFunction(), Calls.prepend(m.getSelf(), args));
        }
        return call.execute(method, args);
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
