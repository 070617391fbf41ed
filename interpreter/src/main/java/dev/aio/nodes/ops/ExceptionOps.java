package dev.aio.nodes.ops;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.BytecodeNode;
import com.oracle.truffle.api.dsl.UnsupportedSpecializationException;
import com.oracle.truffle.api.nodes.ControlFlowException;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;

import dev.aio.AioContext;
import dev.aio.nodes.AioRootNode;
import dev.aio.nodes.builtins.BuiltinRootNode;
import dev.aio.runtime.AioException;
import dev.aio.runtime.AioInternalError;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Foreign;
import dev.aio.runtime.JavaException;
import dev.aio.runtime.Missing;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTraceback;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;

/** {@code raise}, {@code except} matching and exception chaining. */
public final class ExceptionOps {
    private ExceptionOps() {
    }

    /** {@code raise exc [from cause]}: exc may be an exception type (instantiated with no arguments) or instance. */
    @TruffleBoundary
    public static AioException raise(Object exc, Object cause, Node location) {
        PyBaseException e = toException(exc, "exceptions must derive from BaseException");
        if (cause != null) {
            if (cause == PyNone.NONE) {
                e.setCause(null);
            } else {
                e.setCause(toException(cause, "exception causes must derive from BaseException"));
            }
        }
        return new AioException(e, location);
    }

    private static PyBaseException toException(Object exc, String error) {
        if (exc instanceof PyBaseException e) {
            return e;
        }
        if (exc instanceof PyType t && BuiltinTypes.isExceptionType(t)) {
            Object instance = Calls.call(t);
            if (instance instanceof PyBaseException e) {
                return e;
            }
        }
        throw PyErrors.typeError(error);
    }

    @TruffleBoundary
    public static AioException reraise(Object caught) {
        if (caught instanceof AioException e) {
            return e;
        }
        if (caught instanceof PyBaseException e) {
            return new AioException(e, null);
        }
        throw PyErrors.runtimeError("No active exception to reraise");
    }

    @TruffleBoundary
    public static AioException chainAndReraise(Object raised, Object handled) {
        AioException e = (AioException) raised;
        PyBaseException handledValue = ((AioException) handled).getException();
        PyBaseException raisedValue = e.getException();
        if (raisedValue != handledValue && raisedValue.getContext() == null && !createsCycle(handledValue, raisedValue)) {
            raisedValue.setContext(handledValue);
        }
        return e;
    }

    /** Sets {@code handled} as the implicit context of {@code raised}, unless that would make a cycle. */
    @TruffleBoundary
    public static void chainToContext(PyBaseException raised, PyBaseException handled) {
        if (raised != handled && raised.getContext() == null && !createsCycle(handled, raised)) {
            raised.setContext(handled);
        }
    }

    private static boolean createsCycle(PyBaseException start, PyBaseException target) {
        for (PyBaseException c = start; c != null; c = c.getContext()) {
            if (c == target) {
                return true;
            }
        }
        return false;
    }

    @TruffleBoundary
    public static boolean matches(Object caught, Object type) {
        PyType actual = ((AioException) caught).getPyType();
        if (type instanceof PyTuple t) {
            for (Object o : t.items()) {
                if (matches(caught, o)) {
                    return true;
                }
            }
            return false;
        }
        if (type instanceof PyType t && BuiltinTypes.isExceptionType(t)) {
            return actual.isSubtypeOf(t);
        }
        if (Foreign.isJavaClass(type)) {
            // except SomeJavaException: as GraalPy, a Java class catches the Java exceptions that are its instances.
            JavaException java = ((AioException) caught).getException().getJavaException();
            return java != null && Foreign.isInstance(type, java.throwable());
        }
        throw PyErrors.typeError("catching classes that do not inherit from BaseException is not allowed");
    }

    public static Object type(Object caught) {
        return ((AioException) caught).getPyType();
    }

    @TruffleBoundary
    public static Object contextExit(Object manager, boolean async) {
        Object exit = Attributes.find(manager, async ? "__aexit__" : "__exit__");
        if (exit == null || Attributes.find(manager, async ? "__aenter__" : "__enter__") == null) {
            String kind = async ? "asynchronous context manager" : "context manager";
            throw PyErrors.typeError("'" + PyOps.typeName(manager) + "' object does not support the " + kind + " protocol");
        }
        return exit;
    }

    @TruffleBoundary
    public static Object contextEnter(Object manager, boolean async) {
        return Calls.call(Attributes.get(manager, async ? "__aenter__" : "__enter__"));
    }

    public static Object value(Object caught) {
        return ((AioException) caught).getException();
    }

    @TruffleBoundary
    public static Object traceback(Object caught) {
        return PyTraceback.of(((AioException) caught).getException());
    }

    @TruffleBoundary
    public static AioException assertionFailed(Object message, Node location) {
        PyTuple args = message == null ? PyTuple.EMPTY : PyTuple.of(message);
        return new AioException(new PyBaseException(BuiltinTypes.ASSERTION_ERROR, args), location);
    }

    /**
     * A Java StackOverflowError in aio code is Python's RecursionError, an OutOfMemoryError its
     * MemoryError; arguments no specialization of a builtin or operation accepts are a TypeError;
     * other Java exceptions are bugs of aio, which leave naming the aio line they interrupted.
     */
    @TruffleBoundary
    public static Throwable translateInternal(Throwable t, AioRootNode root, BytecodeNode bytecodeNode, int bytecodeIndex) {
        AioException e;
        if (t instanceof StackOverflowError) {
            if (AioContext.get(root).getEnv().getContext().isCancelling()) {
                // The stack overflowed while the embedder's cancel unwound it: no aio code may catch that.
                return t;
            }
            e = PyErrors.raise(BuiltinTypes.RECURSION_ERROR, "maximum recursion depth exceeded");
        } else if (t instanceof OutOfMemoryError) {
            e = PyErrors.raiseNoArgs(BuiltinTypes.MEMORY_ERROR);
        } else if (t instanceof UnsupportedSpecializationException u) {
            e = PyErrors.typeError(unsupportedArguments(u));
        } else if (t instanceof RuntimeException && !(t instanceof ControlFlowException) && !(t instanceof AioInternalError)) {
            SourceSection at = bytecodeIndex < 0 ? null : bytecodeNode.getSourceLocation(bytecodeIndex);
            return new AioInternalError(t, at == null ? null : at.getSource().getName() + ":" + at.getStartLine());
        } else {
            return t;
        }
        // The root's interceptTruffleException records this frame, as for every aio exception.
        return e;
    }

    private static String unsupportedArguments(UnsupportedSpecializationException u) {
        StringBuilder types = new StringBuilder();
        for (Object value : u.getSuppliedValues()) {
            if (value == Missing.INSTANCE) {
                continue;
            }
            types.append(types.isEmpty() ? "'" : ", '").append(PyOps.typeName(value)).append('\'');
        }
        Node node = u.getNode();
        String name = node != null && node.getRootNode() instanceof BuiltinRootNode builtin ? builtin.getName() + "()" : "operation";
        return "unsupported argument types for " + name + ": " + types;
    }

}
