package dev.aio.runtime;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a class's {@code __slots__} make of its instances, as CPython's {@code type_new} reads
 * them: the attributes its classes declare as slots, kept apart from the instance's
 * {@code __dict__}, and whether instances have a {@code __dict__} at all: not when every class of
 * the MRO but {@code object} declares {@code __slots__} without {@code "__dict__"}; then an
 * instance takes only the attributes the slots name (and those its class's descriptors handle).
 *
 * @param names the attributes declared as slots along the MRO
 * @param hasDict whether instances have a {@code __dict__}
 */
record ClassSlots(Set<String> names, boolean hasDict) {
    /** A class whose MRO declares no slots. */
    static final ClassSlots NONE = new ClassSlots(Set.of(), true);

    /** The slots of {@code cls}, made with {@code namespace}; raises CPython's errors for a malformed {@code __slots__}. */
    static ClassSlots of(PyType cls, Map<String, Object> namespace) {
        Object declared = namespace.get("__slots__");
        Set<String> names = new LinkedHashSet<>();
        boolean hasDict = declared == null;
        if (declared != null) {
            for (Object item : declared instanceof String s ? new Object[]{s} : Iteration.toArray(declared)) {
                if (!(item instanceof String name)) {
                    throw PyErrors.typeError("__slots__ items must be strings, not '" + PyOps.typeName(item) + "'");
                }
                if (!isIdentifier(name)) {
                    throw PyErrors.typeError("__slots__ must be identifiers");
                }
                if (name.equals("__dict__")) {
                    hasDict = true;
                } else if (namespace.containsKey(name)) {
                    throw PyErrors.raise(BuiltinTypes.VALUE_ERROR, "'" + name + "' in __slots__ conflicts with class variable");
                } else if (!name.equals("__weakref__")) {
                    names.add(name);
                }
            }
        }
        PyType[] mro = cls.getMro();
        for (int i = 1; i < mro.length; i++) {
            PyType base = mro[i];
            if (base != BuiltinTypes.OBJECT) {
                // A base without __slots__ (or a builtin one other than object) gives instances a __dict__.
                hasDict |= !base.isUserDefined() || base.slots().hasDict;
                names.addAll(base.slots().names);
            }
        }
        return names.isEmpty() && hasDict ? NONE : new ClassSlots(Set.copyOf(names), hasDict);
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int first = s.codePointAt(0);
        return (first == '_' || Character.isLetter(first)) && s.codePoints().skip(1).allMatch(c -> c == '_' || Character.isLetterOrDigit(c));
    }
}
