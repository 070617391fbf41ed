package dev.aio.runtime;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * What the {@code match} statement asks of a subject (PEP 634): the structural checks of
 * sequence, mapping and class patterns, after CPython 3.11's {@code MATCH_SEQUENCE},
 * {@code MATCH_MAPPING}, {@code MATCH_KEYS} and {@code MATCH_CLASS} (Python/ceval.c). Each
 * answers the values the sub-patterns match against, or {@code null} when the subject does not fit.
 */
public final class PatternMatching {
    /** The builtin types whose class pattern takes the subject itself as its one positional sub-pattern ({@code int(x)}). */
    private static final PyType[] MATCH_SELF = {BuiltinTypes.BOOL, BuiltinTypes.BYTEARRAY, BuiltinTypes.BYTES, BuiltinTypes.DICT, BuiltinTypes.FLOAT,
                    BuiltinTypes.FROZENSET, BuiltinTypes.INT, BuiltinTypes.LIST, BuiltinTypes.SET, BuiltinTypes.STR, BuiltinTypes.TUPLE};

    private PatternMatching() {
    }

    /**
     * CPython's {@code Py_TPFLAGS_SEQUENCE}: lists, tuples, ranges, deques, memoryviews, their
     * subclasses, and classes deriving from or registered with {@code collections.abc.Sequence};
     * never strings.
     */
    private static boolean isSequence(Object subject) {
        return subject instanceof PyList || subject instanceof PyTuple || subject instanceof PyRange || subject instanceof PyDeque ||
                        (PyOps.typeOf(subject).collectionFlags() & PyType.SEQUENCE) != 0;
    }

    /** CPython's {@code Py_TPFLAGS_MAPPING}: dicts, mappingproxies, their subclasses, and classes deriving from or registered with {@code collections.abc.Mapping}. */
    private static boolean isMapping(Object subject) {
        return subject instanceof PyDict || (PyOps.typeOf(subject).collectionFlags() & PyType.MAPPING) != 0;
    }

    /**
     * The items of a sequence of exactly {@code before} items ({@code after < 0}: no star), or of
     * at least {@code before + after}, the starred ones gathered in a list at index {@code before}.
     */
    @TruffleBoundary
    public static Object[] sequence(Object subject, int before, int after) {
        if (!isSequence(subject)) {
            return null;
        }
        long length = PyOps.len(subject);
        if (after < 0 ? length != before : length < before + after) {
            return null;
        }
        Object[] items = Iteration.toArray(subject);
        if (after < 0) {
            return items;
        }
        Object[] result = new Object[before + 1 + after];
        System.arraycopy(items, 0, result, 0, before);
        List<Object> starred = new ArrayList<>();
        for (int i = before; i < items.length - after; i++) {
            starred.add(items[i]);
        }
        result[before] = new PyList(starred);
        System.arraycopy(items, items.length - after, result, before + 1, after);
        return result;
    }

    /**
     * The values of {@code keys} in a mapping that has them all (looked up with its {@code get},
     * as CPython does, so a {@code defaultdict} grows no key), followed, when {@code rest}, by a
     * dict of the other items.
     */
    @TruffleBoundary
    public static Object[] mapping(Object subject, Object[] keys, boolean rest) {
        if (!isMapping(subject)) {
            return null;
        }
        if (PyOps.len(subject) < keys.length) {
            return null;
        }
        Object[] result = new Object[keys.length + (rest ? 1 : 0)];
        PySet seen = new PySet();
        Object missing = new Object();
        Object get = Attributes.get(subject, "get");
        for (int i = 0; i < keys.length; i++) {
            if (seen.contains(keys[i])) {
                throw PyErrors.valueError("mapping pattern checks duplicate key (" + PyOps.repr(keys[i]) + ")");
            }
            seen.add(keys[i]);
            Object value = Calls.call(get, keys[i], missing);
            if (value == missing) {
                return null;
            }
            result[i] = value;
        }
        if (rest) {
            PyDict others = new PyDict();
            if (subject instanceof PyDict dict) {
                for (PyDict.Entry e : dict.entries()) {
                    others.put(e.key, e.value);
                }
            } else {
                // CPython copies any other mapping as dict.update does: its keys(), then subject[key].
                for (Object key : Iteration.toArray(Calls.call(Attributes.get(subject, "keys")))) {
                    others.put(key, Subscripts.getItem(subject, key));
                }
            }
            for (Object key : keys) {
                if (others.remove(key) == null) {
                    throw PyErrors.keyError(key);
                }
            }
            result[keys.length] = others;
        }
        return result;
    }

    /**
     * The attributes a class pattern {@code cls(p1, p2, name=p3)} matches: {@code positional}
     * named by {@code cls.__match_args__} (or the subject itself for {@code int(x)} and the other
     * builtins), then {@code keywords}; {@code null} when the subject is not an instance or lacks one.
     */
    @TruffleBoundary
    public static Object[] classPattern(Object subject, Object cls, int positional, String[] keywords) {
        if (!(cls instanceof PyType type)) {
            throw PyErrors.typeError("called match pattern must be a type");
        }
        if (!isInstance(subject, type)) {
            return null;
        }
        Object[] result = new Object[positional + keywords.length];
        List<String> seen = new ArrayList<>();
        if (positional > 0) {
            Object matchArgs = Attributes.find(type, "__match_args__");
            boolean matchSelf = false;
            if (matchArgs == null) {
                matchArgs = new PyTuple(new Object[0]);
                matchSelf = matchesSelf(type);
            } else if (!(matchArgs instanceof PyTuple) || ((PyTuple) matchArgs).getPyType() != BuiltinTypes.TUPLE) {
                throw PyErrors.typeError(type.getName() + ".__match_args__ must be a tuple (got " + PyOps.typeName(matchArgs) + ")");
            }
            Object[] names = ((PyTuple) matchArgs).items();
            int allowed = matchSelf ? 1 : names.length;
            if (allowed < positional) {
                throw PyErrors.typeError(type.getName() + "() accepts " + allowed + " positional sub-pattern" + (allowed == 1 ? "" : "s") + " (" + positional + " given)");
            }
            if (matchSelf) {
                result[0] = subject;
            } else {
                for (int i = 0; i < positional; i++) {
                    if (!(names[i] instanceof String name)) {
                        throw PyErrors.typeError("__match_args__ elements must be strings (got " + PyOps.typeName(names[i]) + ")");
                    }
                    result[i] = attribute(subject, type, name, seen);
                    if (result[i] == null) {
                        return null;
                    }
                }
            }
        }
        for (int i = 0; i < keywords.length; i++) {
            Object value = attribute(subject, type, keywords[i], seen);
            if (value == null) {
                return null;
            }
            result[positional + i] = value;
        }
        return result;
    }

    private static boolean matchesSelf(PyType type) {
        for (PyType t : MATCH_SELF) {
            if (type.isSubtypeOf(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInstance(Object subject, PyType type) {
        if (SpecialMethods.lookup(type, "__instancecheck__") != null) {
            return PyOps.isTrue(SpecialMethods.call(type, "__instancecheck__", subject));
        }
        return PyOps.isInstance(subject, type);
    }

    /** The attribute, or {@code null} when the subject has none; a name asked twice is CPython's TypeError. */
    private static Object attribute(Object subject, PyType type, String name, List<String> seen) {
        if (seen.contains(name)) {
            throw PyErrors.typeError(type.getName() + "() got multiple sub-patterns for attribute " + PyOps.repr(name));
        }
        seen.add(name);
        try {
            return Attributes.get(subject, name);
        } catch (AioException e) {
            if (e.getPyType().isSubtypeOf(BuiltinTypes.ATTRIBUTE_ERROR)) {
                return null;
            }
            throw e;
        }
    }
}
