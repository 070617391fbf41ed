package dev.aio.stdlib;

import java.util.Map;
import java.util.function.Function;

import com.oracle.truffle.api.dsl.NodeFactory;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinSpec;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyType;
import dev.aio.runtime.StdlibProvider;
import dev.aio.stdlib.asyncio.AsyncioModule;

/** Plugs aio's standard library into the interpreter: builtins, type methods, and the importable modules. */
public final class AioStdlib implements StdlibProvider {
    private static boolean typesRegistered;

    @Override
    public void registerTypeMethods() {
        synchronized (AioStdlib.class) {
            if (typesRegistered) {
                return;
            }
            BuiltinTypes.LIST.defineMethods(BuiltinSpec.all(ListMethodsFactory.getFactories()));
            for (BuiltinSpec spec : BuiltinSpec.all(ListMethodsFactory.getFactories())) {
                if (spec.name().equals("index") || spec.name().equals("count")) {
                    BuiltinTypes.TUPLE.define(spec.name(), spec);
                }
            }
            BuiltinTypes.DICT.defineMethods(BuiltinSpec.all(DictMethodsFactory.getFactories()));
            for (BuiltinSpec spec : BuiltinSpec.all(DictDundersFactory.getFactories())) {
                BuiltinTypes.DICT.define(spec.name(), spec.name().equals("fromkeys") ? new dev.aio.runtime.PyDescriptors.ClassMethod(spec) : spec);
            }
            for (BuiltinSpec spec : BuiltinSpec.all(SequenceDundersFactory.getFactories())) {
                BuiltinTypes.LIST.define(spec.name(), spec);
                if (SequenceDunders.TUPLE_METHODS.contains(spec.name())) {
                    BuiltinTypes.TUPLE.define(spec.name(), spec);
                }
            }
            BuiltinTypes.STR.defineMethods(BuiltinSpec.all(StrMethodsFactory.getFactories()));
            BuiltinTypes.SET.defineMethods(BuiltinSpec.all(SetMethodsFactory.getFactories()));
            BuiltinTypes.ITERATOR.defineMethods(BuiltinSpec.all(IteratorMethodsFactory.getFactories()));
            dev.aio.runtime.PyGenerator.type().defineMethods(BuiltinSpec.all(IteratorMethodsFactory.getFactories()));
            dev.aio.runtime.PyGenerator.type().defineMethods(BuiltinSpec.all(GeneratorMethodsFactory.getFactories()));
            dev.aio.runtime.PyAsyncGenerator.type().defineMethods(BuiltinSpec.all(AsyncGeneratorMethodsFactory.getFactories()));
            dev.aio.runtime.BuiltinTypes.COROUTINE.defineMethods(BuiltinSpec.all(CoroutineMethodsFactory.getFactories()));
            for (NodeFactory<? extends BuiltinNode> f : TypeConstructorsFactory.getFactories()) {
                BuiltinSpec spec = BuiltinSpec.of(f);
                PyType type = switch (spec.name()) {
                    case "int" -> BuiltinTypes.INT;
                    case "float" -> BuiltinTypes.FLOAT;
                    case "str" -> BuiltinTypes.STR;
                    case "bool" -> BuiltinTypes.BOOL;
                    case "list" -> BuiltinTypes.LIST;
                    case "tuple" -> BuiltinTypes.TUPLE;
                    case "set" -> BuiltinTypes.SET;
                    case "dict" -> BuiltinTypes.DICT;
                    case "range" -> BuiltinTypes.RANGE;
                    case "type" -> BuiltinTypes.TYPE;
                    case "object" -> BuiltinTypes.OBJECT;
                    case "BaseException" -> BuiltinTypes.BASE_EXCEPTION;
                    case "BaseExceptionGroup" -> BuiltinTypes.BASE_EXCEPTION_GROUP;
                    default -> throw new IllegalStateException(spec.name());
                };
                type.setConstructor(spec);
            }
            for (PyType t : BuiltinTypes.BUILTIN_EXCEPTIONS) {
                t.setConstructor(BuiltinTypes.BASE_EXCEPTION.getConstructor());
            }
            BuiltinTypes.EXCEPTION_GROUP.setConstructor(BuiltinTypes.BASE_EXCEPTION_GROUP.getConstructor());
            BuiltinTypes.OBJECT.defineMethods(BuiltinSpec.all(ObjectInitFactory.getFactories()));
            BuiltinTypes.TYPE.defineMethods(BuiltinSpec.all(TypeMethodsFactory.getFactories()));
            BuiltinTypes.BASE_EXCEPTION.defineMethods(BuiltinSpec.all(ExceptionInitFactory.getFactories()));
            BuiltinTypes.BASE_EXCEPTION_GROUP.defineMethods(BuiltinSpec.all(ExceptionGroupMethodsFactory.getFactories()));
            dev.aio.runtime.PyDescriptors.propertyType().defineMethods(BuiltinSpec.all(PropertyMethodsFactory.getFactories()));
            TextIO.TYPE.defineMethods(BuiltinSpec.all(TextIOMethodsFactory.getFactories()));
            for (BuiltinSpec spec : BuiltinSpec.all(DequeMethodsFactory.getFactories())) {
                if (spec.name().equals("deque")) {
                    BuiltinTypes.DEQUE.setConstructor(spec);
                } else {
                    BuiltinTypes.DEQUE.define(spec.name(), spec);
                }
            }
            AsyncioModule.registerTypes();
            typesRegistered = true;
        }
    }

    @Override
    public Map<String, Function<AioContext, PyModule>> modules() {
        Map<String, Function<AioContext, PyModule>> modules = new java.util.HashMap<>(Map.of("builtins", AioStdlib::builtins, "sys", SysModule::create, "time",
                        TimeModule::create, "asyncio", AsyncioModule::create, "math", MathModule::create, "random", RandomModule::create));
        for (String name : new String[]{"dataclasses", "collections", "os", "posixpath", "functools", "operator", "contextlib", "enum", "typing",
                        "__future__", "json", "traceback", "logging"}) {
            modules.put(name, context -> sourceModule(context, name));
        }
        modules.put("_collections", context -> {
            PyModule m = new PyModule("_collections");
            m.put("deque", BuiltinTypes.DEQUE);
            return m;
        });
        modules.put("_os", OsModule::create);
        modules.put("os.path", context -> context.importModule("posixpath"));
        modules.put("_json", JsonModule::create);
        modules.put("_traceback", TracebackModule::create);
        modules.put("java", JavaModule::create);
        return modules;
    }

    /** A module written in aio, shipped as a resource next to this class. */
    private static PyModule sourceModule(AioContext context, String name) {
        PyModule m = new PyModule(name);
        runInto(context, m, name);
        return m;
    }

    /** Runs the aio part of a module ({@code NAME.aio}, a resource next to this class) into it. */
    static void runInto(AioContext context, PyModule m, String name) {
        try (java.io.InputStream in = AioStdlib.class.getResourceAsStream(name + ".aio")) {
            context.runSourceInto(m, "<aio>/" + name + ".aio", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), true);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("aio's " + name + " module is missing from the class path", e);
        }
    }

    private static PyModule builtins(AioContext context) {
        PyModule m = new PyModule("builtins");
        for (NodeFactory<? extends BuiltinNode> f : BuiltinFunctionsFactory.getFactories()) {
            BuiltinSpec spec = BuiltinSpec.of(f);
            m.put(spec.name(), context.getLanguage().builtinFunction(spec));
        }
        for (NodeFactory<? extends BuiltinNode> f : ClassBuiltinsFactory.getFactories()) {
            BuiltinSpec spec = BuiltinSpec.of(f);
            m.put(spec.name(), context.getLanguage().builtinFunction(spec));
        }
        for (PyType t : new PyType[]{BuiltinTypes.INT, BuiltinTypes.FLOAT, BuiltinTypes.STR, BuiltinTypes.BOOL, BuiltinTypes.LIST, BuiltinTypes.TUPLE,
                        BuiltinTypes.SET, BuiltinTypes.DICT, BuiltinTypes.RANGE, BuiltinTypes.TYPE, BuiltinTypes.OBJECT}) {
            m.put(t.getName(), t);
        }
        for (PyType t : BuiltinTypes.BUILTIN_EXCEPTIONS) {
            m.put(t.getName(), t);
        }
        m.put("BaseExceptionGroup", BuiltinTypes.BASE_EXCEPTION_GROUP);
        m.put("NotImplemented", dev.aio.runtime.SpecialMethods.NOT_IMPLEMENTED);
        m.put("Ellipsis", dev.aio.runtime.PyEllipsis.ELLIPSIS);
        m.put("ExceptionGroup", BuiltinTypes.EXCEPTION_GROUP);
        return m;
    }
}
