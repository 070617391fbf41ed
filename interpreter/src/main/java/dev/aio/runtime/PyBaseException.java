package dev.aio.runtime;

import java.util.ArrayList;
import java.util.List;

import dev.aio.nodes.ops.Traceback;

/** A Python exception object: what {@code except E as e} binds. {@link AioException} carries it through Java. */
public final class PyBaseException extends PyObject {
    private final PyType type;
    private PyTuple args;
    private PyBaseException cause;
    private PyBaseException context;
    private boolean suppressContext;
    /** For an exception group: its members ({@code args} keeps the sequence as given). */
    private PyTuple groupExceptions;
    /** The frames this exception unwound through, innermost first (Python's traceback, reversed). */
    private final List<Traceback.Entry> traceback = new ArrayList<>();
    /** Attributes set on instances of exception classes defined in aio code. */
    private PyDict dict;
    /** A SyntaxError in an imported file: the {@code File ..., line N}, source line and caret CPython prints before the message. */
    private String syntaxLocation;
    /** Where a NameError's name was looked for, for its "Did you mean" suggestion. */
    private Suggestions.NameScopes nameScopes;
    /** The Java exception this one was made from, or null. */
    private JavaException javaException;

    public PyBaseException(PyType type, PyTuple args) {
        this.type = type;
        this.args = args;
    }

    /**
     * {@code OSError(errno, strerror[, filename[, winerror[, filename2]]])}: with a filename, the
     * filename becomes an attribute and {@code args} keeps {@code (errno, strerror)}, as in CPython.
     */
    public static PyBaseException osError(PyType type, PyTuple args) {
        Object[] a = args.items();
        if (a.length < 3 || a.length > 5) {
            return new PyBaseException(type, args);
        }
        PyBaseException e = new PyBaseException(type, PyTuple.of(a[0], a[1]));
        e.dict().put("filename", a[2]);
        if (a.length == 5) {
            e.dict().put("filename2", a[4]);
        }
        return e;
    }

    @Override
    public PyType getPyType() {
        return type;
    }

    public Suggestions.NameScopes getNameScopes() {
        return nameScopes;
    }

    public void setNameScopes(Suggestions.NameScopes nameScopes) {
        this.nameScopes = nameScopes;
    }

    public PyDict dict() {
        if (dict == null) {
            dict = new PyDict();
        }
        return dict;
    }

    public JavaException getJavaException() {
        return javaException;
    }

    public void setJavaException(JavaException javaException) {
        this.javaException = javaException;
    }

    public String getSyntaxLocation() {
        return syntaxLocation;
    }

    public void setSyntaxLocation(String location) {
        this.syntaxLocation = location;
    }

    public PyTuple getArgs() {
        return args;
    }

    public void setArgs(PyTuple args) {
        this.args = args;
    }

    public PyBaseException getCause() {
        return cause;
    }

    /** {@code raise ... from cause}: also suppresses the implicit context, as Python does. */
    public void setCause(PyBaseException cause) {
        this.cause = cause;
        this.suppressContext = true;
    }

    public PyBaseException getContext() {
        return context;
    }

    public void setContext(PyBaseException context) {
        this.context = context;
    }

    public boolean isSuppressContext() {
        return suppressContext;
    }

    public void setSuppressContext(boolean suppressContext) {
        this.suppressContext = suppressContext;
    }

    public List<Traceback.Entry> traceback() {
        return traceback;
    }

    public boolean isGroup() {
        return groupExceptions != null;
    }

    public PyTuple groupExceptions() {
        return groupExceptions;
    }

    void setGroupExceptions(PyTuple exceptions) {
        this.groupExceptions = exceptions;
    }

    public Object groupMessage() {
        return args.get(0);
    }

    /** {@code str(e)}: the class's {@code __str__} if it has one. */
    public String str() {
        if (isGroup()) {
            int n = groupExceptions.size();
            return PyOps.str(groupMessage()) + " (" + n + " sub-exception" + (n == 1 ? "" : "s") + ")";
        }
        if (type.isUserDefined()) {
            Object r = SpecialMethods.call(this, "__str__");
            if (r instanceof String s) {
                return s;
            }
            if (r != SpecialMethods.NOT_DEFINED) {
                throw PyErrors.typeError("__str__ returned non-string (type " + PyOps.typeName(r) + ")");
            }
        }
        return builtinStr();
    }

    /** {@code BaseException.__str__}: the message made of the arguments, whatever the class overrides. */
    @Override
    public String builtinStr() {
        if (isGroup()) {
            return str();
        }
        Object[] a = args.items();
        if (a.length == 0) {
            return "";
        }
        if (syntaxLocation != null && a.length == 2 && a[1] instanceof PyTuple where && where.size() >= 2 && where.get(0) instanceof String file) {
            return PyOps.str(a[0]) + " (" + file.substring(file.lastIndexOf('/') + 1) + ", line " + PyOps.str(where.get(1)) + ")";
        }
        if (a.length == 2 && type.isSubtypeOf(BuiltinTypes.OS_ERROR)) {
            String s = "[Errno " + PyOps.str(a[0]) + "] " + PyOps.str(a[1]);
            Object filename = dict == null ? null : dict.get("filename");
            if (filename == null || filename == PyNone.NONE) {
                return s;
            }
            Object filename2 = dict.get("filename2");
            if (filename2 == null || filename2 == PyNone.NONE) {
                return s + ": " + PyOps.repr(filename);
            }
            return s + ": " + PyOps.repr(filename) + " -> " + PyOps.repr(filename2);
        }
        if (a.length == 1) {
            if (type.isSubtypeOf(BuiltinTypes.KEY_ERROR)) {
                return PyOps.repr(a[0]);
            }
            return PyOps.str(a[0]);
        }
        return PyOps.repr(args);
    }

    @Override
    public String repr() {
        Object[] a = args.items();
        if (a.length == 1) {
            return type.getName() + "(" + PyOps.repr(a[0]) + ")";
        }
        return type.getName() + PyOps.repr(args);
    }
}
