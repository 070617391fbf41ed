package dev.aio.embed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleBindings;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * aio through JSR 223, with the sandbox defaults of {@code Aio.builder()}. {@code eval} answers
 * the value of the script's last expression statement; the engine scope's bindings are the globals
 * of {@code __main__} (both ways); {@code invokeFunction} of an {@code async def} answers a
 * {@link CompletableFuture}, run by the engine's event loop on a thread of its own (started then);
 * {@code compile} parses once. Printed text goes to the script context's writers.
 */
public final class AioScriptEngine extends AbstractScriptEngine implements Invocable, Compilable, AutoCloseable {
    private static final String DEFAULT_NAME = "<string>";

    private final ScriptEngineFactory factory;
    private final Aio aio;
    /** The context whose writers an eval prints to: the one it was given. */
    private volatile ScriptContext current = context;
    private boolean loopStarted;

    AioScriptEngine(ScriptEngineFactory factory) {
        this.factory = factory;
        this.aio = Aio.builder().out(new WriterStream(() -> current.getWriter())).err(new WriterStream(() -> current.getErrorWriter())).build();
        context.setBindings(new AioBindings(aio.bindings()), ScriptContext.ENGINE_SCOPE);
    }

    @Override
    public Object eval(String script, ScriptContext ctx) throws ScriptException {
        return run(Source.newBuilder("aio", script, sourceName(ctx)).buildLiteral(), ctx);
    }

    @Override
    public Object eval(Reader reader, ScriptContext ctx) throws ScriptException {
        try {
            return run(Source.newBuilder("aio", reader, sourceName(ctx)).build(), ctx);
        } catch (IOException e) {
            throw new ScriptException(e);
        }
    }

    private Object run(Source source, ScriptContext ctx) throws ScriptException {
        ScriptContext before = current;
        current = ctx;
        try {
            importBindings(ctx);
            return toJava(aio.eval(source));
        } catch (RuntimeException e) {
            throw scriptException(e);
        } finally {
            current = before;
        }
    }

    /** Bindings of another context (createBindings, a SimpleScriptContext) become globals before the script runs. */
    private void importBindings(ScriptContext ctx) {
        Bindings engineScope = ctx.getBindings(ScriptContext.ENGINE_SCOPE);
        if (engineScope != null && !(engineScope instanceof AioBindings)) {
            engineScope.forEach((name, value) -> aio.bindings().putMember(name, value));
        }
    }

    private static String sourceName(ScriptContext ctx) {
        return ctx.getAttribute(ScriptEngine.FILENAME) instanceof String name ? name : DEFAULT_NAME;
    }

    @Override
    public Bindings createBindings() {
        return new SimpleBindings();
    }

    @Override
    public ScriptEngineFactory getFactory() {
        return factory;
    }

    @Override
    public CompiledScript compile(String script) throws ScriptException {
        Source source = Source.newBuilder("aio", script, sourceName(context)).buildLiteral();
        try {
            // Syntax errors now; the source is compiled once and run by each eval.
            aio.context().parse(source);
        } catch (PolyglotException e) {
            throw scriptException(e);
        }
        return new CompiledScript() {
            @Override
            public Object eval(ScriptContext ctx) throws ScriptException {
                return run(source, ctx);
            }

            @Override
            public ScriptEngine getEngine() {
                return AioScriptEngine.this;
            }
        };
    }

    @Override
    public CompiledScript compile(Reader script) throws ScriptException {
        try (Reader in = script) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = in.read(buffer)) > 0;) {
                text.append(buffer, 0, n);
            }
            return compile(text.toString());
        } catch (IOException e) {
            throw new ScriptException(e);
        }
    }

    @Override
    public Object invokeFunction(String name, Object... args) throws ScriptException, NoSuchMethodException {
        Value function = aio.bindings().getMember(name);
        if (function == null || !function.canExecute()) {
            throw new NoSuchMethodException("no aio function named '" + name + "'");
        }
        return invoke(function, args);
    }

    @Override
    public Object invokeMethod(Object thiz, String name, Object... args) throws ScriptException, NoSuchMethodException {
        Value method = aio.context().asValue(thiz).getMember(name);
        if (method == null || !method.canExecute()) {
            throw new NoSuchMethodException("the object has no method '" + name + "'");
        }
        return invoke(method, args);
    }

    /** A plain function runs now, on this thread; the coroutine of an {@code async def} runs as a task of the engine's loop. */
    private Object invoke(Value function, Object[] args) throws ScriptException {
        try {
            Value result = function.execute(args);
            if (isCoroutine(result)) {
                startLoop();
                return aio.toFuture(result).thenApply(AioScriptEngine::toJava);
            }
            return toJava(result);
        } catch (RuntimeException e) {
            throw scriptException(e);
        }
    }

    private static boolean isCoroutine(Value value) {
        Value type = value.getMetaObject();
        return type != null && "coroutine".equals(type.getMetaSimpleName());
    }

    private synchronized void startLoop() {
        if (!loopStarted) {
            loopStarted = true;
            aio.startLoop(Executors.newSingleThreadExecutor(task -> {
                Thread t = new Thread(task, "aio script engine loop");
                t.setDaemon(true);
                return t;
            }));
        }
    }

    @Override
    public <T> T getInterface(Class<T> type) {
        return implement(type, name -> aio.bindings().getMember(name));
    }

    @Override
    public <T> T getInterface(Object thiz, Class<T> type) {
        Value target = aio.context().asValue(thiz);
        return implement(type, target::getMember);
    }

    /** {@code type} implemented by the functions {@code lookup} finds, or null when one of its methods has none (as JSR 223 asks). */
    private <T> T implement(Class<T> type, Function<String, Value> lookup) {
        if (type == null || !type.isInterface()) {
            throw new IllegalArgumentException("not an interface: " + type);
        }
        for (Method m : type.getMethods()) {
            Value f = lookup.apply(m.getName());
            if (!m.isDefault() && (f == null || !f.canExecute())) {
                return null;
            }
        }
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "aio implementation of " + type.getName();
                };
            }
            Object result = invoke(lookup.apply(method.getName()), args == null ? new Object[0] : args);
            return result instanceof CompletableFuture<?> || method.getReturnType() == void.class || result == null ? result
                            : aio.context().asValue(result).as(method.getReturnType());
        });
        return type.cast(proxy);
    }

    /** Closes the aio context (and stops its loop). */
    @Override
    public void close() {
        aio.close();
    }

    static Object toJava(Value value) {
        return value == null || value.isNull() ? null : value.as(Object.class);
    }

    private static ScriptException scriptException(RuntimeException e) {
        ScriptException failure;
        if (e instanceof AioScriptException aio) {
            failure = new ScriptException(aio.getMessage());
        } else if (e instanceof PolyglotException p && p.getSourceLocation() != null) {
            failure = new ScriptException(p.getMessage(), p.getSourceLocation().getSource().getName(), p.getSourceLocation().getStartLine());
        } else {
            failure = new ScriptException(e.getMessage());
        }
        failure.initCause(e);
        return failure;
    }

    /** An aio output stream that writes to whichever writer the script context has now. */
    private static final class WriterStream extends OutputStream {
        private final Supplier<Writer> writer;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        WriterStream(Supplier<Writer> writer) {
            this.writer = writer;
        }

        @Override
        public synchronized void write(int b) {
            pending.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
        }

        @Override
        public synchronized void flush() throws IOException {
            Writer w = writer.get();
            w.write(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
            w.flush();
        }
    }
}
