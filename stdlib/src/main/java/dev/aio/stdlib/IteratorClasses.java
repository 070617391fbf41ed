package dev.aio.stdlib;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.PyBytesLike;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyDictView;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyIterator;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyMemoryView;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyRange;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;
import dev.aio.runtime.PyValueInstance;
import dev.aio.runtime.SpecialMethods;

/**
 * The builtin classes {@code map}, {@code filter}, {@code zip}, {@code enumerate} and
 * {@code reversed} (Python/bltinmodule.c and Objects/enumobject.c in CPython): their constructors
 * take the call's arguments as {@code tp_new} does, {@code (cls, *args, **kwargs)}, check them with
 * CPython 3.11's messages and make the iterator of the class given, so that classes may derive from them.
 */
public final class IteratorClasses {
    private IteratorClasses() {
    }

    static final PyType[] TYPES = {BuiltinTypes.MAP, BuiltinTypes.FILTER, BuiltinTypes.ZIP, BuiltinTypes.ENUMERATE, BuiltinTypes.REVERSED};

    /** Installs each constructor on its class (after IteratorMethods, which gives them {@code __iter__} and {@code __next__}). */
    static void install() {
        for (PyType type : TYPES) {
            type.defineBuiltins(IteratorClassesFactory.getFactories());
            type.setConstructsSubclasses();
        }
    }

    /** The call's keyword arguments: none when the slot is Missing (a call without keywords, see CallOps) or an empty dict. */
    private static PyDict keywords(Object kwargs) {
        return kwargs instanceof PyDict d && d.size() > 0 ? d : null;
    }

    /**
     * map, filter and reversed take no keyword arguments, unless called for a class that has an
     * {@code __init__} of its own, which may take them (CPython's {@code _PyArg_NoKeywords} check in their tp_new).
     */
    private static void checkNoKeywords(String name, PyType base, PyType cls, Object kwargs) {
        if (keywords(kwargs) != null && (cls == base || SpecialMethods.lookupInType(cls, "__init__") == null)) {
            throw PyErrors.typeError(name + "() takes no keyword arguments");
        }
    }

    /** filter's and reversed's arguments: exactly {@code count} positional ones, no keywords (CPython's {@code _PyArg_CheckPositional}). */
    private static void checkPositional(String name, PyType base, PyType cls, PyTuple args, Object kwargs, int count) {
        checkNoKeywords(name, base, cls, kwargs);
        if (args.size() != count) {
            throw PyErrors.typeError(name + " expected " + count + " argument" + (count == 1 ? "" : "s") + ", got " + args.size());
        }
    }

    private static PyType subclass(Object cls) {
        return (PyType) cls;
    }

    @Builtin(name = "map", constructor = true, params = {"cls"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class MapNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, PyTuple args, Object kwargs) {
            PyType type = subclass(cls);
            checkNoKeywords("map", BuiltinTypes.MAP, type, kwargs);
            if (args.size() < 2) {
                throw PyErrors.typeError("map() must have at least two arguments.");
            }
            PyIterator[] sources = new PyIterator[args.size() - 1];
            for (int i = 0; i < sources.length; i++) {
                sources[i] = Iteration.iter(args.get(i + 1));
            }
            return new Iterators.Map(type, args.get(0), sources);
        }
    }

    @Builtin(name = "filter", constructor = true, params = {"cls"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class FilterNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, PyTuple args, Object kwargs) {
            PyType type = subclass(cls);
            checkPositional("filter", BuiltinTypes.FILTER, type, args, kwargs, 2);
            Object function = args.get(0);
            return new Iterators.Filter(type, function == PyNone.NONE ? null : function, Iteration.iter(args.get(1)));
        }
    }

    @Builtin(name = "zip", constructor = true, params = {"cls"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class ZipNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, PyTuple args, Object kwargs) {
            boolean strict = false;
            PyDict keywords = keywords(kwargs);
            if (keywords != null) {
                if (keywords.size() > 1) {
                    throw PyErrors.typeError("zip() takes at most 1 keyword argument (" + keywords.size() + " given)");
                }
                Object strictValue = keywords.get("strict");
                if (strictValue == null) {
                    throw PyErrors.typeError("'" + PyOps.str(keywords.keys()[0]) + "' is an invalid keyword argument for zip()");
                }
                strict = PyOps.isTrue(strictValue);
            }
            PyIterator[] sources = new PyIterator[args.size()];
            for (int i = 0; i < sources.length; i++) {
                sources[i] = Iteration.iter(args.get(i));
            }
            return new Iterators.Zip(subclass(cls), sources, strict);
        }
    }

    /** {@code enumerate(iterable, start=0)}; both may be given by keyword. */
    @Builtin(name = "enumerate", constructor = true, params = {"cls"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class EnumerateNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, PyTuple args, Object kwargs) {
            PyType type = subclass(cls);
            PyDict keywords = keywords(kwargs);
            int given = args.size() + (keywords == null ? 0 : keywords.size());
            if (given > 2) {
                throw PyErrors.typeError("enumerate() takes at most 2 arguments (" + given + " given)");
            }
            Object iterable = args.size() > 0 ? args.get(0) : null;
            Object start = args.size() > 1 ? args.get(1) : null;
            if (keywords != null) {
                for (Object name : keywords.keys()) {
                    if ("iterable".equals(name) && iterable == null) {
                        iterable = keywords.get(name);
                    } else if ("start".equals(name) && start == null) {
                        start = keywords.get(name);
                    } else {
                        throw PyErrors.typeError("'" + PyOps.str(name) + "' is an invalid keyword argument for enumerate()");
                    }
                }
                if (iterable == null) {
                    // CPython 3.11 names the keyword given in place of the iterable.
                    throw PyErrors.typeError("'" + PyOps.str(keywords.keys()[0]) + "' is an invalid keyword argument for enumerate()");
                }
            }
            if (iterable == null) {
                throw PyErrors.typeError("enumerate() missing required argument 'iterable'" + (type == BuiltinTypes.ENUMERATE ? "" : " (pos 1)"));
            }
            Object first = start == null ? 0L : PyValueInstance.unwrap(start);
            if (!(first instanceof BigInteger)) {
                first = Args.index(first, "start");
            }
            return new Iterators.Enumerate(type, Iteration.iter(iterable), first);
        }
    }

    /**
     * {@code reversed(seq)}: what the object's {@code __reversed__} returns, the reverse iterator of a
     * list, range or dict, else an instance of {@code reversed} that indexes the sequence from its end.
     */
    @Builtin(name = "reversed", constructor = true, params = {"cls"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class ReversedNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, PyTuple args, Object kwargs) {
            PyType type = subclass(cls);
            checkPositional("reversed", BuiltinTypes.REVERSED, type, args, kwargs, 1);
            Object seq = args.get(0);
            PyType seqType = PyOps.typeOf(seq);
            Object method = seqType.lookup("__reversed__");
            if (method == PyNone.NONE) {
                throw notReversible(seq);
            }
            if (method != null) {
                return Calls.call(Attributes.bind(method, seq, seqType));
            }
            if (seq instanceof PyList || seq instanceof PyRange) {
                Object[] items = Iteration.toArray(seq);
                Collections.reverse(Arrays.asList(items));
                return new PyIterator.ArrayIterator(items, seq instanceof PyList ? BuiltinTypes.LIST_REVERSE_ITERATOR : BuiltinTypes.RANGE_ITERATOR);
            }
            if (seq instanceof PyDict || seq instanceof PyDictView) {
                Object[] items = Iteration.toArray(seq);
                Collections.reverse(Arrays.asList(items));
                boolean keys = seq instanceof PyDict || ((PyDictView) seq).kind() == PyDictView.Kind.KEYS;
                return new PyIterator.ArrayIterator(items, keys ? BuiltinTypes.DICT_REVERSE_KEY_ITERATOR : BuiltinTypes.REVERSED);
            }
            if (!isSequence(seq)) {
                throw notReversible(seq);
            }
            return new Iterators.Reversed(type, seq, PyOps.len(seq));
        }

        /** CPython's {@code PySequence_Check}: a builtin sequence, or an object whose class defines {@code __getitem__}. */
        private static boolean isSequence(Object seq) {
            return seq instanceof PyTuple || seq instanceof String || seq instanceof PyValueInstance v && v.value() instanceof String || seq instanceof PyBytesLike
                            || seq instanceof PyMemoryView || SpecialMethods.lookup(seq, "__getitem__") != null;
        }

        private static RuntimeException notReversible(Object seq) {
            return PyErrors.typeError("'" + PyOps.typeName(seq) + "' object is not reversible");
        }
    }
}
