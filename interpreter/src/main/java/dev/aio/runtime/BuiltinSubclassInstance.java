package dev.aio.runtime;

/**
 * A builtin value (dict, list, tuple, set, frozenset, bytes; int, float and str through
 * {@link PyValueInstance}) that may be an instance of a subclass defined in aio code
 * ({@code class Registry(dict)}, collections.Counter, a namedtuple, {@code class Name(str)}): such
 * an instance also has an attribute dict. The event loop has one too, as CPython's loop is a Python
 * object ({@code loop.slow_callback_duration} lives there).
 */
public interface BuiltinSubclassInstance {
    /** The attribute dict of an instance of a subclass, or {@code null} for an instance of the builtin type itself. */
    PyDict instanceDict();
}
