package dev.aio.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.AioContext;
import dev.aio.AioLanguage;

/** {@code obj.name}: module namespaces, exception fields, and the methods and properties of builtin types. */
public final class Attributes {
    private Attributes() {
    }

    @TruffleBoundary
    public static Object get(Object obj, String name) {
        if (!(obj instanceof PyType) && SpecialMethods.lookup(obj, "__getattribute__") instanceof Object getattribute) {
            // A class's __getattribute__ is asked for every attribute; its AttributeError goes on to __getattr__.
            try {
                return Calls.call(getattribute, obj, name);
            } catch (AioException e) {
                if (e.getPyType().isSubtypeOf(BuiltinTypes.ATTRIBUTE_ERROR) && SpecialMethods.lookup(obj, "__getattr__") != null) {
                    return SpecialMethods.call(obj, "__getattr__", name);
                }
                throw e;
            }
        }
        return getWithoutOverride(obj, name);
    }

    /** The attribute as found along the object and its class, then from the class's {@code __getattr__}. */
    private static Object getWithoutOverride(Object obj, String name) {
        Object r = find(obj, name);
        if (r == null) {
            if (!(obj instanceof PyType) && SpecialMethods.lookup(obj, "__getattr__") != null) {
                // A class's __getattr__ is asked for what the object does not have.
                return SpecialMethods.call(obj, "__getattr__", name);
            }
            if (obj instanceof PyModule m && m.get("__getattr__") instanceof Object moduleGetattr) {
                // PEP 562: a module's own __getattr__ is asked for the names it does not define.
                return Calls.call(moduleGetattr, name);
            }
            throw PyErrors.attributeError(obj, name);
        }
        return r;
    }

    /** The attribute, or {@code null} when there is none (for {@code hasattr}/{@code getattr} with default). */
    @TruffleBoundary
    public static Object find(Object obj, String name) {
        if (obj instanceof PyBaseException e && e.getJavaException() != null) {
            // An exception made from a Java one also answers the Java exception's members (getStackTrace...) the host lets scripts use.
            Object own = findAio(obj, name);
            return own != null ? own : Foreign.find(e.getJavaException().throwable(), name);
        }
        return findAio(obj, name);
    }

    // What a method call finds here for ordinary receivers, methodForCall finds and caches: keep the two in step.
    private static Object findAio(Object obj, String name) {
        if (Foreign.is(obj)) {
            // A foreign map answers dict's reading methods (get, keys, values, items), as GraalPy's foreign dicts do.
            Object mapMethod = Foreign.hasHashEntries(obj) ? Foreign.TYPE.lookup(name) : null;
            return mapMethod != null ? bind(mapMethod, obj, Foreign.TYPE) : Foreign.find(obj, name);
        }
        if (obj instanceof PyModule m && (!m.isDerived() || name.equals("__dict__"))) {
            // A module of a class derived from ModuleType goes the general way: its class's
            // properties and methods, then its namespace as its instance dict.
            return name.equals("__dict__") ? m.namespace() : m.get(name);
        }
        if (obj instanceof PyType t) {
            return classAttribute(t, name);
        }
        if (name.equals("__dict__")) {
            return instanceDictCopy(obj);
        }
        if (obj instanceof PySuper s) {
            return superAttribute(s, name);
        }
        if (obj instanceof PyFunction f) {
            Object v = functionAttribute(f, name);
            if (v != null) {
                return v;
            }
        } else if (obj instanceof PyBoundMethod m && !name.equals("__class__")) {
            return switch (name) {
                case "__self__" -> m.getSelf();
                case "__func__" -> m.getFunction();
                // Calling the method's __call__ calls the method, with its self.
                case "__call__" -> new PyBoundMethod(m, PyOps.typeOf(m).lookup("__call__"));
                // How copy takes a method apart: the method type's own, not the function's.
                case "__reduce_ex__", "__reduce__" -> bind(PyOps.typeOf(m).lookup(name), m, PyOps.typeOf(m));
                default -> find(m.getFunction(), name);
            };
        } else if (obj instanceof PyCoroutine c) {
            switch (name) {
                case "__name__":
                    return c.name();
                case "__qualname__":
                    return c.qualName();
                default:
                    break;
            }
        } else if (obj instanceof BaseCoroutine c) {
            // A coroutine written in Java stands for an async def of Lib/asyncio (sleep, Queue.get): its names.
            switch (name) {
                case "__name__":
                    return c.qualName().substring(c.qualName().lastIndexOf('.') + 1);
                case "__qualname__":
                    return c.qualName();
                default:
                    break;
            }
        } else if (obj instanceof PyBuiltinFunction b) {
            switch (name) {
                case "__name__", "__qualname__":
                    return b.getName();
                case "__doc__":
                    return PyNone.NONE;
                case "__module__":
                    return b.getModule() != null ? b.getModule() : PyNone.NONE;
                case "__self__": {
                    // A module's function is bound to the module, as in CPython; others (a type's
                    // __new__ among them) to nothing here, where CPython binds __new__ to its type.
                    Object module = b.getModule() != null ? AioContext.get(null).sysModules().get(b.getModule()) : null;
                    return module != null ? module : PyNone.NONE;
                }
                default:
                    break;
            }
        }
        if (obj instanceof PyUnionType u && name.equals("__args__")) {
            return u.args();
        }
        if (obj instanceof PyGenericAlias g) {
            switch (name) {
                case "__origin__":
                    return g.origin();
                case "__args__":
                    return g.args();
                case "__parameters__":
                    return PyTuple.EMPTY;
                case "__class__":
                    return g.getPyType();
                default:
                    if (!g.getPyType().isUserDefined() || g.getPyType().lookup(name) == null) {
                        // Like CPython's, the alias forwards other attributes to its class (list[int].append...).
                        return find(g.origin(), name);
                    }
                    // A subclass's own methods (collections.abc's _CallableGenericAlias.__repr__...).
                    break;
            }
        }
        if ((obj instanceof PyDescriptors.StaticMethod || obj instanceof PyDescriptors.ClassMethod || obj instanceof PyDescriptors.Property)
                        && !definedByDerivedClass((PyObject) obj, name)) {
            Object field = PyDescriptors.field(obj, name);
            if (field != null) {
                return field;
            }
        }
        PyType type = PyOps.typeOf(obj);
        Object classAttr = type.lookup(name);
        if (classAttr instanceof PyDescriptors.Property p) {
            return p.get(obj, type);
        }
        boolean descriptor = SpecialMethods.isUserObject(classAttr) && SpecialMethods.lookup(classAttr, "__get__") != null;
        if (descriptor && isDataDescriptor(classAttr)) {
            return SpecialMethods.call(classAttr, "__get__", obj, type);
        }
        if (obj instanceof PyInstance i && type.slots().names().contains(name)) {
            // A slot is a data descriptor of its class (CPython's member descriptor): the instance dict does not hide it.
            Object v = i.slot(name);
            if (v != null) {
                return v;
            }
        }
        PyDict dict = instanceDict(obj);
        if (dict != null) {
            Object v = dict.get(name);
            if (v != null) {
                return v;
            }
            if (name.equals("__dict__")) {
                return dict;
            }
        }
        if (obj instanceof PyBaseException e) {
            Object field = exceptionField(e, name);
            if (field != null) {
                return field;
            }
        }
        if (name.equals("__class__")) {
            return type;
        }
        if (descriptor) {
            return SpecialMethods.call(classAttr, "__get__", obj, type);
        }
        if (classAttr == null && name.equals("__doc__")) {
            // Every object has its class's docstring (email's policies read it off str and int values); None when it has none.
            return classAttribute(type, "__doc__");
        }
        return classAttr == null ? null : bind(classAttr, obj, type);
    }

    /**
     * What {@code receiver.name(...)} calls, with the receiver as its first argument, for receivers
     * of {@code receiverClass} whose type is {@code type}: the class's function or builtin method, as
     * {@link #findAio} would bind it, or {@code null} when {@code findAio} treats such receivers or
     * this attribute otherwise (modules, classes, functions, exceptions, foreign objects; properties,
     * descriptors, static and class methods). It depends on nothing but the type's lookup, so it may
     * be cached while {@link PyType#unchangedAssumption()} holds, provided an instance with a dict
     * of its own ({@link #hasInstanceDict}) has no attribute of that name ({@link #instanceHas}).
     */
    @TruffleBoundary
    public static Object methodForCall(Class<?> receiverClass, PyType type, String name) {
        if (!ordinaryReceiver(receiverClass, type) || name.equals("__dict__") || name.equals("__class__")) {
            return null;
        }
        if (type.lookup("__getattribute__") instanceof PyFunction) {
            // A class's own __getattribute__ decides every attribute (mock's _Call hides tuple's methods).
            return null;
        }
        Object attr = type.lookup(name);
        if (attr instanceof BuiltinSpec spec && !spec.isProperty() && !spec.name().equals("__new__")) {
            return AioLanguage.get(null).builtinFunction(spec);
        }
        return attr instanceof PyFunction ? attr : null;
    }

    /** Receivers whose attributes {@link #findAio} finds only through their type's MRO and their instance dict. */
    private static boolean ordinaryReceiver(Class<?> c, PyType type) {
        return type != Foreign.TYPE && !PyModule.class.isAssignableFrom(c) && !PyType.class.isAssignableFrom(c) && !PySuper.class.isAssignableFrom(c)
                        && !PyFunction.class.isAssignableFrom(c) && !PyBoundMethod.class.isAssignableFrom(c) && !PyCoroutine.class.isAssignableFrom(c)
                        && !PyBuiltinFunction.class.isAssignableFrom(c) && !PyUnionType.class.isAssignableFrom(c) && !PyGenericAlias.class.isAssignableFrom(c)
                        && !PyDescriptors.StaticMethod.class.isAssignableFrom(c) && !PyDescriptors.ClassMethod.class.isAssignableFrom(c)
                        && !PyDescriptors.Property.class.isAssignableFrom(c) && !PyBaseException.class.isAssignableFrom(c);
    }

    /**
     * Whether {@code obj.name}, for an instance of the aio class {@code type}, is the instance
     * dict's entry when it has one ({@link #get} otherwise): no {@code __getattribute__} of the
     * class's own, no class attribute of that name along the MRO (so no descriptor, property,
     * method or slot), and an instance dict. It depends on nothing but the type, so it may be
     * cached while {@link PyType#unchangedAssumption()} holds: CPython's {@code LOAD_ATTR}
     * specialized for an instance value ({@code LOAD_ATTR_INSTANCE_VALUE}), keyed by type version.
     */
    @TruffleBoundary
    public static boolean readsInstanceDict(PyType type, String name) {
        return type.isUserDefined() && plainInstanceAttribute(type, name) && SpecialMethods.lookupInType(type, "__getattribute__") == null;
    }

    /** Whether {@code obj.name = v}, for an instance of {@code type}, stores into the instance dict (as {@link #readsInstanceDict}, for {@code __setattr__}). */
    @TruffleBoundary
    public static boolean writesInstanceDict(PyType type, String name) {
        return type.isUserDefined() && plainInstanceAttribute(type, name) && SpecialMethods.lookupInType(type, "__setattr__") == null;
    }

    private static boolean plainInstanceAttribute(PyType type, String name) {
        return type.slots().hasDict() && !type.slots().names().contains(name) && !name.equals("__dict__") && !name.equals("__class__") && type.lookup(name) == null;
    }

    /** Whether receivers of this class may have attributes of their own ({@link #instanceDict}), which hide the class's. */
    public static boolean hasInstanceDict(Class<?> receiverClass) {
        return PyInstance.class.isAssignableFrom(receiverClass) || BuiltinSubclassInstance.class.isAssignableFrom(receiverClass)
                        || PySimpleNamespace.class.isAssignableFrom(receiverClass);
    }

    /** Whether the object's own attributes include {@code name}. */
    @TruffleBoundary
    public static boolean instanceHas(Object obj, String name) {
        if (obj instanceof PyInstance i && i.slot(name) != null) {
            return true;
        }
        PyDict dict = instanceDict(obj);
        return dict != null && dict.get(name) != null;
    }

    /** The uncached {@link #methodForCall}, for a call site that has seen too many types. */
    @TruffleBoundary
    public static Object methodForCall(Object receiver, String name) {
        Class<?> c = receiver.getClass();
        Object method = methodForCall(c, PyOps.typeOf(receiver), name);
        return method == null || hasInstanceDict(c) && instanceHas(receiver, name) ? null : method;
    }

    /**
     * Whether a class derived from staticmethod, classmethod or property defines {@code name}
     * ({@code __isabstractmethod__ = True}), which then hides the builtin's field of that name;
     * the docstring stays the property's, as CPython's property copies it to the instance.
     */
    private static boolean definedByDerivedClass(PyObject descriptor, String name) {
        PyType t = descriptor.getPyType();
        return t.isUserDefined() && !name.equals("__doc__") && SpecialMethods.lookupInType(t, name) != null;
    }

    /** A descriptor written in aio that also controls assignment: it takes precedence over the instance dict. */
    private static boolean isDataDescriptor(Object attr) {
        return SpecialMethods.lookup(attr, "__set__") != null || SpecialMethods.lookup(attr, "__delete__") != null;
    }

    /** The attributes every function has, then those set on it ({@code __wrapped__}...). */
    private static Object functionAttribute(PyFunction f, String name) {
        switch (name) {
            case "__name__":
                return f.getName();
            case "__qualname__":
                return f.getQualName();
            case "__doc__":
                return f.getDoc();
            case "__module__":
                return f.getModule();
            case "__dict__":
                return f.dict();
            case "__defaults__":
                return f.getDefaults() == null ? PyNone.NONE : new PyTuple(f.getDefaults().clone());
            default:
                return f.hasDict() ? f.dict().get(name) : null;
        }
    }

    private static void setFunctionAttribute(PyFunction f, String name, Object value) {
        switch (name) {
            case "__name__", "__qualname__" -> {
                if (!(value instanceof String s)) {
                    throw PyErrors.typeError(name + " must be set to a string object");
                }
                if (name.equals("__name__")) {
                    f.setName(s);
                } else {
                    f.setQualName(s);
                }
            }
            case "__doc__" -> f.setDoc(value);
            case "__module__" -> f.setModule(value);
            case "__dict__" -> {
                if (!(value instanceof PyDict d)) {
                    throw PyErrors.typeError("__dict__ must be set to a dictionary, not a '" + PyOps.typeName(value) + "'");
                }
                f.setDict(d);
            }
            default -> f.dict().put(name, value);
        }
    }

    /** {@code obj.__dict__} and {@code vars(obj)}: the instance's attribute dict (live, as in CPython), or {@code null} when it has none. */
    @TruffleBoundary
    public static PyDict instanceDictCopy(Object obj) {
        return obj instanceof PyFunction f ? f.dict() : instanceDict(obj);
    }

    /** The attribute dict of an object that has one: instances of classes defined in aio code. */
    static PyDict instanceDict(Object obj) {
        if (obj instanceof PyInstance i) {
            return i.getPyType().slots().hasDict() ? i.dict() : null;
        }
        if (obj instanceof PyBaseException e) {
            return e.dict();
        }
        if (obj instanceof BuiltinSubclassInstance b) {
            return b.instanceDict();
        }
        if (obj instanceof PySimpleNamespace n) {
            return n.dict();
        }
        if (obj instanceof PyModule m) {
            return m.namespace();
        }
        return null;
    }

    /** {@code C.name}: functions stay plain, class methods bind to the class. */
    private static Object classAttribute(PyType t, String name) {
        switch (name) {
            case "__name__":
                return t.getName();
            case "__qualname__":
                return t.dict().get("__qualname__") instanceof String q ? q : t.getName();
            case "__class__":
                return t.getPyType();
            case "__doc__": {
                Object doc = t.dict().get("__doc__");
                return doc == null ? PyNone.NONE : doc;
            }
            case "__module__":
                return t.getModule();
            case "__mro__":
                return new PyTuple(t.getMro().clone());
            case "__bases__":
                return new PyTuple(t.getBases().clone());
            case "__flags__":
                // Of CPython's type flags, the ones programs and the library test: a class statement's
                // type is a heap type (copyreg's _reduce_ex stops at the first base that is not), and the
                // sequence/mapping flags of match.
                return (long) ((t.isUserDefined() ? PyType.HEAPTYPE : 0) | t.collectionFlags());
            case "__dict__":
                return new PyMappingProxy(namespaceCopy(t));
            default:
                break;
        }
        PyType meta = t.getPyType();
        Object metaAttr = meta.isUserDefined() ? meta.lookup(name) : null;
        if (metaAttr instanceof PyDescriptors.Property p) {
            return Calls.call(p.getter, t);
        }
        Object v = t.lookup(name);
        if (v == null && metaAttr != null) {
            // A metaclass's methods are the methods of the classes it makes.
            return bind(metaAttr, t, meta);
        }
        if (v == null && name.equals("mro")) {
            // type's own mro(), which every class has (email's policies walk base.mro()).
            return bind(BuiltinTypes.TYPE.lookup(name), t, BuiltinTypes.TYPE);
        }
        if (v instanceof BuiltinSpec spec) {
            return AioLanguage.get(null).builtinFunction(spec);
        }
        if (SpecialMethods.isUserObject(v) && SpecialMethods.lookup(v, "__get__") != null) {
            // Also an instance of a class derived from staticmethod or classmethod with a __get__ of its own.
            return SpecialMethods.call(v, "__get__", PyNone.NONE, t);
        }
        if (v instanceof PyDescriptors.StaticMethod sm) {
            return sm.function;
        }
        if (v instanceof PyDescriptors.ClassMethod cm) {
            return new PyBoundMethod(t, cm.function);
        }
        return v;
    }

    /**
     * What {@code C.__dict__} shows (read-only, as CPython's mappingproxy): a snapshot of the
     * class's own namespace, a builtin type's methods as the functions that implement them.
     */
    private static PyDict namespaceCopy(PyType t) {
        PyDict d = new PyDict();
        for (Map.Entry<String, Object> e : t.dict().entrySet()) {
            Object v = e.getValue();
            if (v instanceof PyDescriptors.ClassMethod cm && cm.function instanceof BuiltinSpec spec) {
                v = spec;
            }
            d.put(e.getKey(), v instanceof BuiltinSpec spec ? AioLanguage.get(null).builtinFunction(spec) : v);
        }
        return d;
    }

    private static Object superAttribute(PySuper s, String name) {
        PyType[] mro = s.startType().getMro();
        int i = 0;
        while (i < mro.length && mro[i] != s.owner) {
            i++;
        }
        for (i++; i < mro.length; i++) {
            Object v = mro[i].dict().get(name);
            if (v != null) {
                return bind(v, s.self, s.startType());
            }
        }
        return null;
    }

    /** How a class attribute found through an instance binds to it. */
    @TruffleBoundary
    public static Object bind(Object attr, Object obj, PyType type) {
        if (attr instanceof BuiltinSpec spec) {
            PyBuiltinFunction fn = AioLanguage.get(null).builtinFunction(spec);
            // A method of int, float or str works on the value of an instance of a subclass.
            Object self = obj instanceof PyValueInstance v && type.builtinBase().dict().get(spec.name()) == spec ? v.value() : obj;
            if (spec.isProperty()) {
                return fn.getCallTarget().call(fn, self);
            }
            if (spec.name().equals("__new__")) {
                // A static method, as in CPython: super().__new__(cls, ...) passes the class itself.
                return fn;
            }
            return new PyBoundMethod(self, fn);
        }
        if (attr instanceof PyFunction) {
            return new PyBoundMethod(obj, attr);
        }
        if (attr instanceof PyBuiltinFunction f && f.getSpec() != null && type.builtinBase().lookup(f.getSpec().name()) == f.getSpec()) {
            // A method of the builtin base taken into a subclass's body ({@code __hash__ = str.__hash__}) binds as it would there.
            return bind(f.getSpec(), obj, type);
        }
        if (attr instanceof PyDescriptors.StaticMethod sm) {
            return sm.function;
        }
        if (attr instanceof PyDescriptors.ClassMethod cm) {
            return new PyBoundMethod(obj instanceof PyType ? obj : type, cm.function);
        }
        if (attr instanceof PyDescriptors.Property p) {
            return Calls.call(p.getter, obj);
        }
        return attr;
    }

    private static Object exceptionField(PyBaseException e, String name) {
        switch (name) {
            case "args":
                return e.getArgs();
            case "__cause__":
                return e.getCause() == null ? PyNone.NONE : e.getCause();
            case "__context__":
                return e.getContext() == null ? PyNone.NONE : e.getContext();
            case "__suppress_context__":
                return e.isSuppressContext();
            case "__traceback__":
                return PyTraceback.of(e);
            case "message":
                return e.isGroup() ? e.groupMessage() : null;
            case "exceptions":
                return e.isGroup() ? e.groupExceptions() : null;
            case "errno", "strerror", "filename", "filename2":
                if (e.getPyType().isSubtypeOf(BuiltinTypes.OS_ERROR)) {
                    Object[] a = e.getArgs().items();
                    return a.length == 2 && name.equals("errno") ? a[0] : a.length == 2 && name.equals("strerror") ? a[1] : PyNone.NONE;
                }
                return null;
            case "encoding", "object", "start", "end", "reason": {
                // UnicodeDecodeError(encoding, object, start, end, reason) made by a program (aio's codecs set these in the dict).
                Object[] a = e.getArgs().items();
                boolean unicode = e.getPyType().isSubtypeOf(BuiltinTypes.UNICODE_DECODE_ERROR) || e.getPyType().isSubtypeOf(BuiltinTypes.UNICODE_ENCODE_ERROR);
                return unicode && a.length == 5 ? a[List.of("encoding", "object", "start", "end", "reason").indexOf(name)] : null;
            }
            case "name":
                return e.getPyType().isSubtypeOf(BuiltinTypes.NAME_ERROR) || e.getPyType().isSubtypeOf(BuiltinTypes.ATTRIBUTE_ERROR) ? PyNone.NONE : null;
            case "obj":
                return e.getPyType().isSubtypeOf(BuiltinTypes.ATTRIBUTE_ERROR) ? PyNone.NONE : null;
            case "value":
                if (e.getPyType().isSubtypeOf(BuiltinTypes.STOP_ITERATION)) {
                    return e.getArgs().size() > 0 ? e.getArgs().get(0) : PyNone.NONE;
                }
                return null;
            default:
                return null;
        }
    }

    @TruffleBoundary
    public static void set(Object obj, String name, Object value) {
        if (!(obj instanceof PyType) && SpecialMethods.lookup(obj, "__setattr__") != null) {
            SpecialMethods.call(obj, "__setattr__", name, value);
            return;
        }
        setDefault(obj, name, value);
    }

    /** {@code object.__setattr__(obj, name, value)}: setting an attribute whatever the class's {@code __setattr__} does. */
    @TruffleBoundary
    public static void setDefault(Object obj, String name, Object value) {
        if (Foreign.is(obj)) {
            Foreign.set(obj, name, value);
            return;
        }
        if (obj instanceof PyModule m && name.equals("__class__")) {
            m.setClass(value);
            return;
        }
        if (obj instanceof PyInstance i && name.equals("__class__")) {
            i.setClass(value);
            return;
        }
        if (obj instanceof PyModule m && !m.isDerived()) {
            m.put(name, value);
            return;
        }
        if (obj instanceof PyType t && t.isUserDefined()) {
            t.define(name, value);
            return;
        }
        if (obj instanceof PyType t && t.getModule().equals("builtins")) {
            // CPython's static types (int, str, object...) take no attributes: type_setattro's check.
            throw PyErrors.typeError("cannot set '" + name + "' attribute of immutable type '" + t.getName() + "'");
        }
        if (obj instanceof PyFunction f) {
            setFunctionAttribute(f, name, value);
            return;
        }
        PyType type = PyOps.typeOf(obj);
        Object classAttr = type.lookup(name);
        if (SpecialMethods.isUserObject(classAttr) && SpecialMethods.lookup(classAttr, "__set__") != null) {
            SpecialMethods.call(classAttr, "__set__", obj, value);
            return;
        }
        if (classAttr instanceof PyDescriptors.Property p) {
            if (p.setter == null) {
                throw PyErrors.raise(BuiltinTypes.ATTRIBUTE_ERROR, "property '" + name + "' of '" + type.getName() + "' object has no setter");
            }
            Calls.call(p.setter, obj, value);
            return;
        }
        if (obj instanceof PyBaseException e) {
            switch (name) {
                case "args" -> e.setArgs(new PyTuple(Iteration.toArray(value)));
                case "__cause__" -> e.setCause(exceptionOrNone(value, "cause"));
                case "__context__" -> e.setContext(exceptionOrNone(value, "context"));
                case "__traceback__" -> PyTraceback.set(e, value);
                default -> e.dict().put(name, value);
            }
            return;
        }
        if (obj instanceof PyTraceback tb && name.equals("tb_next")) {
            tb.setNext(value);
            return;
        }
        if (obj instanceof PyInstance i && type.slots().names().contains(name)) {
            i.setSlot(name, value);
            return;
        }
        if (obj instanceof PyInstance i && name.equals("__dict__") && type.slots().hasDict()) {
            if (!(value instanceof PyDict d)) {
                throw PyErrors.typeError("__dict__ must be set to a dictionary, not a '" + PyOps.typeName(value) + "'");
            }
            i.setDict(d);
            return;
        }
        if (obj instanceof PyDescriptors.Property p && name.equals("__doc__")) {
            // Writable, as CPython's property_members make it (namedtuple's fields get their docs this way).
            p.doc = value;
            return;
        }
        PyDict dict = instanceDict(obj);
        if (dict != null) {
            dict.put(name, value);
            return;
        }
        if (find(obj, name) == null) {
            throw PyErrors.raise(BuiltinTypes.ATTRIBUTE_ERROR, "'" + type.getName() + "' object has no attribute '" + name + "'");
        }
        throw PyErrors.raise(BuiltinTypes.ATTRIBUTE_ERROR, "'" + type.getName() + "' object attribute '" + name + "' is read-only");
    }

    /** The sorted names of {@code obj}'s attributes, its class's and their bases' ({@code dir(obj)}). */
    @TruffleBoundary
    public static List<String> names(Object obj) {
        TreeSet<String> names = new TreeSet<>();
        if (obj instanceof PyModule m) {
            addKeys(names, m.namespace());
        } else {
            PyType type = obj instanceof PyType t ? t : PyOps.typeOf(obj);
            if (!(obj instanceof PyType)) {
                if (find(obj, "__dict__") instanceof PyDict dict) {
                    addKeys(names, dict);
                }
                names.add("__class__");
            }
            for (PyType t : type.getMro()) {
                names.addAll(t.dict().keySet());
            }
            names.add("__doc__");
            names.add("__module__");
        }
        return new ArrayList<>(names);
    }

    private static void addKeys(Set<String> names, PyDict d) {
        for (Object k : d.keys()) {
            if (k instanceof String s) {
                names.add(s);
            }
        }
    }

    /** {@code del obj.name}: through the class's {@code __delattr__} if it has one. */
    @TruffleBoundary
    public static void delete(Object obj, String name) {
        if (!(obj instanceof PyType) && SpecialMethods.lookup(obj, "__delattr__") != null) {
            SpecialMethods.call(obj, "__delattr__", name);
            return;
        }
        deleteDefault(obj, name);
    }

    /** {@code object.__delattr__(obj, name)}: deleting an attribute whatever the class's {@code __delattr__} does. */
    @TruffleBoundary
    public static void deleteDefault(Object obj, String name) {
        Object removed = null;
        if (obj instanceof PyModule m) {
            removed = m.remove(name);
        } else if (obj instanceof PyType t) {
            if (!t.isUserDefined()) {
                throw PyErrors.typeError("cannot set '" + name + "' attribute of immutable type '" + t.getName() + "'");
            }
            removed = t.remove(name);
            if (removed == null) {
                throw PyErrors.raise(BuiltinTypes.ATTRIBUTE_ERROR, "type object '" + t.getName() + "' has no attribute '" + name + "'");
            }
            return;
        } else {
            Object classAttr = PyOps.typeOf(obj).lookup(name);
            if (SpecialMethods.isUserObject(classAttr) && SpecialMethods.lookup(classAttr, "__delete__") != null) {
                SpecialMethods.call(classAttr, "__delete__", obj);
                return;
            }
            if (classAttr instanceof PyDescriptors.Property p) {
                if (p.deleter == null) {
                    throw PyErrors.raise(BuiltinTypes.ATTRIBUTE_ERROR, "property '" + name + "' of '" + PyOps.typeName(obj) + "' object has no deleter");
                }
                Calls.call(p.deleter, obj);
                return;
            }
            PyDict dict = obj instanceof PyFunction f ? (f.hasDict() ? f.dict() : null) : instanceDict(obj);
            if (obj instanceof PyInstance i && PyOps.typeOf(obj).slots().names().contains(name)) {
                removed = i.removeSlot(name);
            } else if (dict != null) {
                removed = dict.remove(name);
            } else if (obj instanceof PyInstance && classAttr != null) {
                throw PyErrors.raise(BuiltinTypes.ATTRIBUTE_ERROR, "'" + PyOps.typeName(obj) + "' object attribute '" + name + "' is read-only");
            }
        }
        if (removed == null) {
            throw PyErrors.raise(BuiltinTypes.ATTRIBUTE_ERROR, "'" + PyOps.typeName(obj) + "' object has no attribute '" + name + "'");
        }
    }

    private static PyBaseException exceptionOrNone(Object value, String what) {
        if (value == PyNone.NONE) {
            return null;
        }
        if (value instanceof PyBaseException e) {
            return e;
        }
        throw PyErrors.typeError("exception " + what + " must be None or derive from BaseException");
    }
}
