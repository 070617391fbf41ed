package dev.aio.runtime;

/**
 * A builtin container (dict, list, tuple) that may be an instance of a subclass defined in aio
 * code ({@code class Registry(dict)}, collections.Counter, a namedtuple): such an instance also
 * has an attribute dict.
 */
public interface BuiltinSubclassInstance {
    /** The attribute dict of an instance of a subclass, or {@code null} for an instance of the builtin type itself. */
    PyDict instanceDict();
}
