package dev.aio.runtime;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.dsl.NodeFactory;

import dev.aio.nodes.builtins.BuiltinNode;

/**
 * A Python type. Builtin types are shared singletons ({@link BuiltinTypes}); their methods are
 * {@link BuiltinSpec}s that each language instance turns into callable functions on first use.
 */
public final class PyType extends PyObject {
    private final String name;
    private final String module;
    private final PyType[] bases;
    private final PyType[] mro;
    private final Map<String, Object> dict = new LinkedHashMap<>();
    /** What {@link #dict()} hands out: changes go through {@link #define} and {@link #remove}, which invalidate cached lookups. */
    private final Map<String, Object> dictView = Collections.unmodifiableMap(dict);
    /**
     * Valid while neither this type's dict nor that of a type along its MRO changes, so that what
     * {@link #lookup} answers may be cached: the role of CPython's type version tag, which
     * {@code PyType_Modified} resets for a type and, through {@code tp_subclasses}, its subclasses.
     * {@code null} or invalid: made anew when next asked for.
     */
    private volatile Assumption unchanged;
    /**
     * Counts the changes {@link #modified} reports: what a cache kept per function checks where it
     * cannot hold {@link #unchanged} as a constant (CPython's type version tag itself).
     */
    private int version;
    /** The types that name this one as a base (weakly: a class can be dropped), whose lookups change with this one's. */
    private final List<WeakReference<PyType>> subclasses = new ArrayList<>();
    /** What calling the type does, for builtin types; {@code null} when it cannot be instantiated. */
    private BuiltinSpec constructor;
    /**
     * For a builtin type written in Java outside this package (asyncio.Queue, asyncio.Future...):
     * the blank instance of a class derived from it that its builtin {@code __init__} fills, as
     * {@link Calls#newInstance} makes deques and sets; {@code null} when aio cannot derive from it.
     */
    private Function<PyType, Object> subclassInstances;
    /**
     * The constructor makes the instance of the class it is given as {@code cls} (CPython's
     * {@code tp_new} of map, zip, enumerate...): classes may derive from the type, and their
     * instances are what the constructor makes of the call's arguments.
     */
    private boolean constructsSubclasses;
    /** A class defined by a {@code class} statement: its special methods are looked up in its dict. */
    private final boolean userDefined;
    /** The class of a class made by a metaclass written in aio; {@code null} means {@code type}. */
    private PyType metaclass;
    /** What {@code __slots__} along the MRO make of instances of a class written in aio. */
    private ClassSlots slots = ClassSlots.NONE;
    /** What the instances of a class written in aio have had in their {@code __dict__}, for method call sites. */
    private final InstanceAttributeNames instanceAttributeNames = new InstanceAttributeNames();
    /** A type CPython writes in C outside builtins, whose {@code tp_name} carries its module ({@link #withModuleInMessages}). */
    private boolean moduleInMessages;
    /** CPython's {@code Py_TPFLAGS_SEQUENCE}: a {@code match} sequence pattern takes instances of the type. */
    public static final int SEQUENCE = 1 << 5;
    /** CPython's {@code Py_TPFLAGS_MAPPING}: a {@code match} mapping pattern takes instances of the type. */
    public static final int MAPPING = 1 << 6;
    /** CPython's {@code Py_TPFLAGS_HEAPTYPE}: the type was made by a class statement or {@code type()}, not written in C (here, Java). */
    public static final int HEAPTYPE = 1 << 9;
    /**
     * {@link #SEQUENCE}, {@link #MAPPING} or neither: set on the builtins that have them, taken
     * from the first base by a class statement (CPython's {@code inherit_patma_flags} from
     * {@code tp_base}), and set by {@code abc} for {@code collections.abc.Sequence}/{@code Mapping},
     * their subclasses and the classes registered with them.
     */
    private int collectionFlags;

    public PyType(String name, String module, PyType... bases) {
        this(name, module, false, bases);
    }

    private PyType(String name, String module, boolean userDefined, PyType... bases) {
        this.name = name;
        this.module = module;
        this.userDefined = userDefined;
        this.bases = bases.length == 0 && !name.equals("object") ? new PyType[]{BuiltinTypes.OBJECT} : bases;
        this.mro = computeMro(this, this.bases);
        for (PyType b : this.bases) {
            b.addSubclass(this);
        }
    }

    /** A class made by {@code type}, with the namespace given. */
    public static PyType createClass(String name, String module, PyType[] bases, Map<String, Object> namespace) {
        return createClass(name, module, bases, namespace, BuiltinTypes.TYPE);
    }

    /**
     * A class from a {@code class} statement (or {@code type(name, bases, dict)}), with the namespace
     * its body built, made by {@code metaclass} ({@code type} itself, or a subclass written in aio).
     */
    public static PyType createClass(String name, String module, PyType[] bases, Map<String, Object> namespace, PyType metaclass) {
        for (PyType b : bases) {
            if (BuiltinTypes.isFinal(b)) {
                throw PyErrors.typeError("type '" + b.getName() + "' is not an acceptable base type");
            }
        }
        PyType t = new PyType(name, module, true, bases);
        t.metaclass = metaclass == BuiltinTypes.TYPE ? null : metaclass;
        for (Map.Entry<String, Object> e : namespace.entrySet()) {
            Object v = e.getValue();
            // As in CPython, these special methods are implicitly static or class methods.
            if (v instanceof PyFunction && e.getKey().equals("__new__")) {
                v = new PyDescriptors.StaticMethod(v);
            } else if (v instanceof PyFunction && (e.getKey().equals("__init_subclass__") || e.getKey().equals("__class_getitem__"))) {
                v = new PyDescriptors.ClassMethod(v);
            }
            t.dict.put(e.getKey(), v);
            t.claimFunctions(v);
        }
        t.slots = ClassSlots.of(t, namespace);
        t.collectionFlags = t.bases[0].collectionFlags;
        return t;
    }

    public int collectionFlags() {
        return collectionFlags;
    }

    /** Sets the type's {@link #SEQUENCE}/{@link #MAPPING} flag (abc's {@code __abc_tpflags__}). */
    public void setCollectionFlags(int flags) {
        collectionFlags = flags & (SEQUENCE | MAPPING);
    }

    /**
     * {@code register()} on an ABC with a collection flag: the class registered and its subclasses
     * take the flag, but builtin types keep theirs (CPython's {@code set_collection_flag_recursive}).
     */
    @TruffleBoundary
    public void setCollectionFlagRecursively(int flag) {
        if (!userDefined || collectionFlags == flag) {
            return;
        }
        collectionFlags = flag;
        List<PyType> live = new ArrayList<>();
        synchronized (this) {
            for (WeakReference<PyType> r : subclasses) {
                PyType t = r.get();
                if (t != null) {
                    live.add(t);
                }
            }
        }
        for (PyType t : live) {
            t.setCollectionFlagRecursively(flag);
        }
    }

    InstanceAttributeNames instanceAttributeNames() {
        return instanceAttributeNames;
    }

    /**
     * Valid while no instance of this class (of this class exactly, not a subclass) can have
     * {@code name} among its own attributes, in its {@code __dict__} or a slot: a method of that name
     * found on the class is then what {@code instance.name} gives. Never valid for a class with slots.
     */
    public Assumption noInstanceAttribute(String name) {
        return slots.names().isEmpty() ? instanceAttributeNames.absent(name) : Assumption.NEVER_VALID;
    }

    ClassSlots slots() {
        return slots;
    }

    /** Methods defined in the class body belong to it, for {@code super()}. */
    private void claimFunctions(Object v) {
        Object f = v instanceof PyDescriptors.StaticMethod sm ? sm.function : v instanceof PyDescriptors.ClassMethod cm ? cm.function : v;
        if (f instanceof PyFunction fn && fn.getOwner() == null) {
            fn.setOwner(this);
        }
        if (v instanceof PyDescriptors.Property p) {
            for (Object accessor : new Object[]{p.getter, p.setter}) {
                if (accessor instanceof PyFunction fn && fn.getOwner() == null) {
                    fn.setOwner(this);
                }
            }
        }
    }

    @TruffleBoundary
    private synchronized void addSubclass(PyType t) {
        subclasses.removeIf(r -> r.get() == null);
        subclasses.add(new WeakReference<>(t));
    }

    /**
     * Valid until this type's attributes, or those it inherits, change: taken before a
     * {@link #lookup} whose answer is cached, it guards that answer.
     */
    @TruffleBoundary
    public Assumption unchangedAssumption() {
        Assumption a = unchanged;
        if (a == null || !a.isValid()) {
            a = Truffle.getRuntime().createAssumption("type unchanged");
            unchanged = a;
        }
        return a;
    }

    /** Ends every cached {@link #lookup} of this type and of its subclasses (CPython's {@code PyType_Modified}). */
    @TruffleBoundary
    private void modified() {
        version++;
        Assumption a = unchanged;
        if (a != null) {
            a.invalidate("type " + name + " changed");
        }
        List<PyType> live = new ArrayList<>();
        synchronized (this) {
            for (WeakReference<PyType> r : subclasses) {
                PyType t = r.get();
                if (t != null) {
                    live.add(t);
                }
            }
        }
        for (PyType t : live) {
            t.modified();
        }
    }

    public int version() {
        return version;
    }

    public boolean isUserDefined() {
        return userDefined;
    }

    public PyType[] getBases() {
        return bases;
    }

    /** C3 linearization, as Python orders a class's bases. */
    private static PyType[] computeMro(PyType self, PyType[] bases) {
        List<List<PyType>> sequences = new ArrayList<>();
        for (PyType b : bases) {
            sequences.add(new ArrayList<>(List.of(b.mro)));
        }
        sequences.add(new ArrayList<>(List.of(bases)));
        List<PyType> order = new ArrayList<>();
        order.add(self);
        while (true) {
            sequences.removeIf(List::isEmpty);
            if (sequences.isEmpty()) {
                return order.toArray(new PyType[0]);
            }
            PyType next = null;
            for (List<PyType> seq : sequences) {
                PyType candidate = seq.get(0);
                boolean inTail = sequences.stream().anyMatch(other -> other.indexOf(candidate) > 0);
                if (!inTail) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                throw PyErrors.typeError("Cannot create a consistent method resolution order (MRO) for bases "
                                + String.join(", ", Arrays.stream(bases).map(PyType::getName).toList()));
            }
            order.add(next);
            for (List<PyType> seq : sequences) {
                if (seq.get(0) == next) {
                    seq.remove(0);
                }
            }
        }
    }

    /** The first builtin type in the MRO: what instances are made of (object, dict, list, tuple, or an exception type). */
    public PyType builtinBase() {
        for (PyType t : mro) {
            if (!t.userDefined) {
                return t;
            }
        }
        return BuiltinTypes.OBJECT;
    }

    public String getName() {
        return name;
    }

    /**
     * Marks a type that CPython implements in C with a dotted {@code tp_name} ({@code
     * collections.deque}, {@code _io.TextIOWrapper}, {@code _asyncio.Task}): its messages name it
     * with its module ({@code 'collections.deque' object has no attribute 'x'}), while {@code
     * __name__} stays {@code deque}. Classes written in Python, and subclasses, are named alone.
     */
    public PyType withModuleInMessages() {
        moduleInMessages = true;
        return this;
    }

    /** The name error messages give the type: CPython's {@code tp_name}. */
    public String getMessageName() {
        return moduleInMessages ? module + "." + name : name;
    }

    /** {@code __module__}: a class statement's module, or what was assigned to it since. */
    public String getModule() {
        return userDefined && dict.get("__module__") instanceof String assigned ? assigned : module;
    }

    /** The type's own namespace, read-only: {@link #define} and {@link #remove} change it. */
    public Map<String, Object> dict() {
        return dictView;
    }

    /** {@code int} for builtins, {@code asyncio.Task} elsewhere, as Python prints a type's qualified name. */
    public String qualifiedName() {
        return module.equals("builtins") ? name : module + "." + name;
    }

    public PyType[] getMro() {
        return mro;
    }

    public boolean isSubtypeOf(PyType other) {
        for (PyType t : mro) {
            if (t == other) {
                return true;
            }
        }
        return false;
    }

    /** Finds an attribute along the MRO, or {@code null}. */
    @TruffleBoundary
    public Object lookup(String key) {
        for (PyType t : mro) {
            Object v = t.dict.get(key);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    @TruffleBoundary
    public void define(String key, Object value) {
        dict.put(key, value);
        modified();
    }

    /** {@code del C.key}: the value removed, or {@code null} when the type's own namespace has no such key. */
    @TruffleBoundary
    public Object remove(String key) {
        Object removed = dict.remove(key);
        if (removed != null) {
            modified();
        }
        return removed;
    }

    /**
     * Installs a class of builtins (the node factories Truffle generates for it) on this type:
     * each becomes a method, or a class method; a constructor named after this type becomes what
     * calling the type does, and constructors of other types are theirs to install.
     */
    public void defineBuiltins(List<? extends NodeFactory<? extends BuiltinNode>> factories) {
        for (NodeFactory<? extends BuiltinNode> factory : factories) {
            BuiltinSpec spec = BuiltinSpec.of(factory);
            if (spec.isConstructor()) {
                if (spec.name().equals(name)) {
                    constructor = spec;
                }
            } else {
                define(spec.name(), spec.isClassMethod() ? new PyDescriptors.ClassMethod(spec) : spec);
            }
        }
    }

    public BuiltinSpec getConstructor() {
        return constructor;
    }

    public void setConstructor(BuiltinSpec constructor) {
        this.constructor = constructor;
    }

    public Function<PyType, Object> subclassInstances() {
        return subclassInstances;
    }

    /** Lets classes derive from this type: {@code blank} makes an empty instance of the class given, for the type's {@code __init__}. */
    public void setSubclassInstances(Function<PyType, Object> blank) {
        this.subclassInstances = blank;
    }

    public boolean constructsSubclasses() {
        return constructsSubclasses;
    }

    /** Lets classes derive from this type, their instances made by its constructor with the class as {@code cls}. */
    public void setConstructsSubclasses() {
        this.constructsSubclasses = true;
    }

    @Override
    public PyType getPyType() {
        return metaclass == null ? BuiltinTypes.TYPE : metaclass;
    }

    @Override
    public String repr() {
        return "<class '" + qualifiedName() + "'>";
    }
}
