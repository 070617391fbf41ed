package dev.aio.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * {@code BaseExceptionGroup}: construction, {@code split}/{@code subgroup}/{@code derive}, and the
 * bookkeeping of {@code except*} (which exceptions a try statement re-raises), after PEP 654 and
 * CPython's Objects/exceptions.c.
 */
public final class ExceptionGroups {
    private ExceptionGroups() {
    }

    /** The two halves of a split; either may be {@code null} (Python's None). */
    public record Split(PyBaseException match, PyBaseException rest) {
    }

    /**
     * {@code BaseExceptionGroup(message, exceptions)}: a BaseExceptionGroup whose members are all
     * Exceptions is an ExceptionGroup, as in CPython. {@code args} keeps the sequence as given.
     */
    @TruffleBoundary
    public static PyBaseException create(PyType type, Object message, Object exceptions) {
        if (!(message instanceof String)) {
            throw PyErrors.typeError("argument 1 must be str, not " + PyOps.typeName(message));
        }
        if (!(exceptions instanceof PyList || exceptions instanceof PyTuple)) {
            throw PyErrors.typeError("second argument (exceptions) must be a sequence");
        }
        Object[] items = Iteration.toArray(exceptions);
        if (items.length == 0) {
            throw PyErrors.valueError("second argument (exceptions) must be a non-empty sequence");
        }
        boolean allExceptions = true;
        for (int i = 0; i < items.length; i++) {
            if (!(items[i] instanceof PyBaseException e)) {
                throw PyErrors.valueError("Item " + i + " of second argument (exceptions) is not an exception");
            }
            allExceptions &= e.getPyType().isSubtypeOf(BuiltinTypes.EXCEPTION);
        }
        PyType actual = type;
        if (type == BuiltinTypes.BASE_EXCEPTION_GROUP && allExceptions) {
            actual = BuiltinTypes.EXCEPTION_GROUP;
        } else if (type.isSubtypeOf(BuiltinTypes.EXCEPTION) && !allExceptions) {
            throw PyErrors.typeError("Cannot nest BaseExceptions in " + (type == BuiltinTypes.EXCEPTION_GROUP ? "an ExceptionGroup" : "'" + type.getName() + "'"));
        }
        PyBaseException group = new PyBaseException(actual, PyTuple.of(message, exceptions));
        group.setGroupExceptions(new PyTuple(items));
        return group;
    }

    /** {@code eg.derive(excs)}: a group with the same message (a user subclass may override it). */
    @TruffleBoundary
    public static PyBaseException derive(PyBaseException eg, Object exceptions) {
        Object derived;
        if (eg.getPyType().isUserDefined()) {
            derived = Calls.call(Attributes.get(eg, "derive"), exceptions);
        } else {
            derived = create(BuiltinTypes.BASE_EXCEPTION_GROUP, eg.groupMessage(), exceptions);
        }
        if (!(derived instanceof PyBaseException d) || !d.isGroup()) {
            throw PyErrors.typeError("derive must return an instance of BaseExceptionGroup");
        }
        return d;
    }

    /**
     * A split condition as a predicate on exceptions: an exception type, a tuple of types, or a
     * callable returning a truth value.
     */
    @TruffleBoundary
    public static Predicate<PyBaseException> condition(Object condition) {
        if (condition instanceof PyType t && BuiltinTypes.isExceptionType(t)) {
            return e -> e.getPyType().isSubtypeOf(t);
        }
        if (condition instanceof PyTuple t && t.size() > 0 && allExceptionTypes(t)) {
            return e -> {
                for (Object o : t.items()) {
                    if (e.getPyType().isSubtypeOf((PyType) o)) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (!(condition instanceof PyType) && !(condition instanceof PyTuple) && Calls.isCallable(condition)) {
            return e -> PyOps.isTrue(Calls.call(condition, e));
        }
        throw PyErrors.typeError("expected a function, exception type or tuple of exception types");
    }

    private static boolean allExceptionTypes(PyTuple t) {
        for (Object o : t.items()) {
            if (!(o instanceof PyType type) || !BuiltinTypes.isExceptionType(type)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code eg.split(condition)}: the whole group if it matches itself; otherwise its members are
     * split recursively and each half is derived from {@code eg}, keeping its traceback, cause and
     * context.
     */
    @TruffleBoundary
    public static Split split(PyBaseException eg, Predicate<PyBaseException> matches, boolean wantRest) {
        if (matches.test(eg)) {
            return new Split(eg, null);
        }
        if (!eg.isGroup()) {
            return new Split(null, wantRest ? eg : null);
        }
        List<Object> matched = new ArrayList<>();
        List<Object> rest = new ArrayList<>();
        for (Object member : eg.groupExceptions().items()) {
            Split s = split((PyBaseException) member, matches, wantRest);
            if (s.match() != null) {
                matched.add(s.match());
            }
            if (s.rest() != null) {
                rest.add(s.rest());
            }
        }
        return new Split(subset(eg, matched), subset(eg, rest));
    }

    private static PyBaseException subset(PyBaseException eg, List<Object> members) {
        if (members.isEmpty()) {
            return null;
        }
        PyBaseException derived = derive(eg, new PyList(members));
        derived.traceback().addAll(eg.traceback());
        derived.setContext(eg.getContext());
        if (eg.getCause() != null) {
            derived.setCause(eg.getCause());
        }
        derived.setSuppressContext(eg.isSuppressContext());
        return derived;
    }

    /**
     * What an {@code except*} statement raises once its handlers ran: {@code raised} holds what
     * the handlers raised, {@code matches} the groups they were given (a handler re-raising one
     * of those re-raises part of the original), {@code rest} what no handler matched. Re-raised
     * parts keep the original group's shape; new exceptions are grouped with them in an
     * ExceptionGroup('', ...). {@code null}: nothing to raise.
     */
    @TruffleBoundary
    public static PyBaseException reraiseAfterExceptStar(PyBaseException original, List<PyBaseException> raised, Set<PyBaseException> matches, PyBaseException rest) {
        if (!original.isGroup()) {
            // A naked exception was wrapped for matching: at most one handler ran.
            return !raised.isEmpty() ? raised.get(0) : rest;
        }
        List<Object> fresh = new ArrayList<>();
        Set<PyBaseException> keptLeaves = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PyBaseException e : raised) {
            if (matches.contains(e)) {
                collectLeaves(e, keptLeaves);
            } else {
                fresh.add(e);
            }
        }
        if (rest != null) {
            collectLeaves(rest, keptLeaves);
        }
        PyBaseException kept = keptLeaves.isEmpty() ? null : split(original, keptLeaves::contains, false).match();
        if (fresh.isEmpty()) {
            return kept;
        }
        if (kept != null) {
            fresh.add(kept);
        }
        return create(BuiltinTypes.BASE_EXCEPTION_GROUP, "", new PyList(fresh));
    }

    private static void collectLeaves(PyBaseException e, Set<PyBaseException> leaves) {
        if (!e.isGroup()) {
            leaves.add(e);
            return;
        }
        for (Object member : e.groupExceptions().items()) {
            collectLeaves((PyBaseException) member, leaves);
        }
    }
}
