package dev.aio.nodes.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.ExceptionGroups;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;

/**
 * The state of one {@code try ... except*} while its handlers run (PEP 654): the part of the
 * caught exception no handler has matched yet, what the handlers were given and what they raised.
 */
public final class ExceptStar {
    private final PyBaseException original;
    private PyBaseException rest;
    private PyBaseException currentMatch;
    private final Set<PyBaseException> matches = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<PyBaseException> raised = new ArrayList<>();

    private ExceptStar(PyBaseException original) {
        this.original = original;
        this.rest = original;
    }

    public static ExceptStar begin(Object caught) {
        return new ExceptStar(((AioException) caught).getException());
    }

    /**
     * Splits off what {@code type} matches; true if anything did (then {@link #currentMatch()} is
     * the group the handler gets: a naked exception comes wrapped in {@code ExceptionGroup('', (e,))}).
     */
    @TruffleBoundary
    public boolean match(Object type) {
        checkType(type);
        if (rest == null) {
            return false;
        }
        ExceptionGroups.Split split = ExceptionGroups.split(rest, ExceptionGroups.condition(type), true);
        if (split.match() == null) {
            return false;
        }
        PyBaseException match = split.match();
        if (!match.isGroup()) {
            PyBaseException wrapped = ExceptionGroups.create(BuiltinTypes.BASE_EXCEPTION_GROUP, "", PyTuple.of(match));
            wrapped.traceback().addAll(match.traceback());
            match = wrapped;
        }
        rest = split.rest();
        currentMatch = match;
        matches.add(match);
        return true;
    }

    private static void checkType(Object type) {
        if (type instanceof PyTuple t) {
            for (Object o : t.items()) {
                checkType(o);
            }
            return;
        }
        if (!(type instanceof PyType t) || !BuiltinTypes.isExceptionType(t)) {
            throw PyErrors.typeError("catching classes that do not inherit from BaseException is not allowed");
        }
        if (t.isSubtypeOf(BuiltinTypes.BASE_EXCEPTION_GROUP)) {
            throw PyErrors.typeError("catching ExceptionGroup with except* is not allowed. Use except instead.");
        }
    }

    public PyBaseException currentMatch() {
        return currentMatch;
    }

    /** An exception escaped the current handler: it is raised with the others at the end. */
    @TruffleBoundary
    public void handlerRaised(Object caught) {
        PyBaseException e = ((AioException) caught).getException();
        if (e != currentMatch && e.getContext() == null && e != original) {
            e.setContext(currentMatch);
        }
        raised.add(e);
    }

    /** After the last handler: raises what the statement as a whole raises, if anything. */
    @TruffleBoundary
    public void end() {
        PyBaseException result = ExceptionGroups.reraiseAfterExceptStar(original, raised, matches, rest);
        if (result != null) {
            throw new AioException(result, null);
        }
    }
}
