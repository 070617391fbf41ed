package dev.aio;

import java.util.concurrent.ConcurrentHashMap;

import org.graalvm.options.OptionDescriptors;
import org.graalvm.options.OptionValues;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.ContextThreadLocal;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.debug.DebuggerTags;
import com.oracle.truffle.api.instrumentation.ProvidedTags;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.Source;

import dev.aio.compiler.CompiledModules;
import dev.aio.compiler.ModuleCompiler;
import dev.aio.nodes.AioRootNode;
import dev.aio.nodes.InteractiveRootNode;
import dev.aio.nodes.MainRootNode;
import dev.aio.nodes.RunModuleRootNode;
import dev.aio.nodes.builtins.BuiltinRootNode;
import dev.aio.runtime.BuiltinSpec;
import dev.aio.runtime.CallDepth;
import dev.aio.runtime.PyBuiltinFunction;

/**
 * The aio language: Python-style source, run by a Bytecode DSL interpreter on a single-threaded
 * asyncio event loop. Its code holds no context's state, so contexts of one engine share it
 * (parsed and compiled once); each context has its own modules, loop and clock.
 *
 * <h2>A tour of the interpreter</h2>
 * Follow a program from its text to its output (the packages, in the order a program meets them):
 * <ol>
 * <li><b>Parsing</b> ({@code dev.aio.parser}): {@link dev.aio.parser.AioParser#parse} runs the ANTLR grammar (module
 * {@code grammar/}) and {@link dev.aio.parser.AstBuilder} turns the parse tree into the AST of
 * {@code dev.aio.ast} ({@link dev.aio.ast.Module}, {@link dev.aio.ast.Stmt}, {@link dev.aio.ast.Expr}).
 * Syntax errors are reported as CPython reports them ({@link dev.aio.compiler.SyntaxReport}).
 * <li><b>Compiling</b> ({@code dev.aio.compiler}): {@link ModuleCompiler} resolves every name's
 * scope (local, cell, global) first, then {@link dev.aio.compiler.CodeGenerator} emits bytecode for
 * each function, class body and module through the Bytecode DSL builder; {@code await} and
 * {@code yield from} compile in {@code AwaitCompiler}.
 * <li><b>Running</b> ({@code dev.aio.nodes}): {@link dev.aio.nodes.AioRootNode} declares the bytecode's
 * operations; most call small static helpers in {@code dev.aio.nodes.ops} ({@link dev.aio.nodes.ops.CallOps},
 * {@link dev.aio.nodes.ops.AsyncOps}, ...). {@link MainRootNode} runs a script: its module code, then
 * whatever the event loop still has to do.
 * <li><b>Objects</b> ({@code dev.aio.runtime}): every aio value is a Java {@code Long}, {@code Double},
 * {@code String}, {@code Boolean} or a {@link dev.aio.runtime.PyObject} that knows its
 * {@link dev.aio.runtime.PyType}; attribute lookup is {@link dev.aio.runtime.Attributes}, calls are
 * {@link dev.aio.runtime.Calls}, operators {@link dev.aio.runtime.PyOps}; coroutines are
 * {@link dev.aio.runtime.PyCoroutine}s. Exceptions travel as {@link dev.aio.runtime.AioException}.
 * <li><b>asyncio</b> ({@code dev.aio.asyncio}): {@link dev.aio.asyncio.Future} and
 * {@link dev.aio.asyncio.Task} (CPython's {@code futures.py} and {@code tasks.py}; a task steps its
 * coroutine as {@code Task.__step} does) and {@link dev.aio.asyncio.EventLoop}, the loop aio code sees.
 * <li><b>The kernel</b> ({@code dev.aio.kernel}): the {@link dev.aio.kernel.Scheduler} (CPython's
 * {@code _run_once}: ready callbacks, timers, waiting) and its {@link dev.aio.kernel.Clock}, real or
 * {@link dev.aio.kernel.VirtualClock} (where every rule of virtual time is written down), and the
 * {@link dev.aio.kernel.InterpreterLock} that worker threads share. It uses nothing of aio; what it
 * needs is its {@link dev.aio.kernel.LoopHost}.
 * <li><b>Diagnostics</b> ({@code dev.aio.diagnostics}): the {@code --timeline} recorder and picture,
 * deadlock and task reports ({@link dev.aio.diagnostics.TaskReport}), the {@code --time-limit}
 * watchdog and {@code --dump-tasks-on}.
 * <li><b>The standard library</b> (module {@code stdlib/}) plugs in as a {@link dev.aio.runtime.StdlibProvider}:
 * builtins written in Java as Truffle nodes, and modules written in aio ({@code *.aio} resources).
 * </ol>
 * {@link AioContext} holds one context's state (modules, the running loop, options and limits);
 * the {@code aio} command (module {@code launcher/}) and the Java API (module {@code embedding/}) use
 * only the public polyglot API. {@code docs/design.md} has the map of the code beyond this module.
 */
// AlwaysHalt marks nothing yet, but every debugger session asks for it, and a Bytecode DSL root
// refuses to be instrumented for a tag its language does not provide.
@ProvidedTags({StandardTags.RootTag.class, StandardTags.RootBodyTag.class, StandardTags.StatementTag.class, StandardTags.CallTag.class, DebuggerTags.AlwaysHalt.class})
@TruffleLanguage.Registration(id = AioLanguage.ID, name = "aio", defaultMimeType = AioLanguage.MIME_TYPE, characterMimeTypes = AioLanguage.MIME_TYPE,
                fileTypeDetectors = AioFileTypeDetector.class, website = "https://github.com/aio-lang/aio", contextPolicy = TruffleLanguage.ContextPolicy.SHARED,
                dependentLanguages = "regex")
public final class AioLanguage extends TruffleLanguage<AioContext> {
    public static final String ID = "aio";
    public static final String MIME_TYPE = "application/x-aio";

    private static final LanguageReference<AioLanguage> REFERENCE = LanguageReference.create(AioLanguage.class);

    /** Builtin functions made from their specs; call targets belong to one language instance. */
    private final ConcurrentHashMap<BuiltinSpec, PyBuiltinFunction> builtinFunctions = new ConcurrentHashMap<>();

    /**
     * Valid while this language instance serves a single context. Inline caches that hold one
     * context's objects (a module's dict slot, a class written in aio, a module) are guarded by
     * it; once an engine shares the code between contexts (aio's daemon, an embedder's shared
     * {@code Engine}) they keep those per function instead ({@link dev.aio.nodes.ops.FunctionCaches}).
     */
    private final Assumption singleContext = Truffle.getRuntime().createAssumption("aio runs a single context");

    /** The code of the modules this language's contexts ran, kept for the next context of a shared engine. */
    private final CompiledModules compiledModules = new CompiledModules();

    /** Each thread's count of running aio frames against its context's recursion limit. */
    private final ContextThreadLocal<CallDepth> callDepth = locals.createContextThreadLocal((context, thread) -> new CallDepth(context.recursionLimit()));

    @Override
    protected AioContext createContext(Env env) {
        return new AioContext(this, env);
    }

    @Override
    protected OptionDescriptors getOptionDescriptors() {
        return new AioOptionsOptionDescriptors();
    }

    /** Compiling reads aio.CheckNames: contexts that differ in it cannot share code. */
    @Override
    protected boolean areOptionsCompatible(OptionValues firstOptions, OptionValues newOptions) {
        return firstOptions.get(AioOptions.CHECK_NAMES).equals(newOptions.get(AioOptions.CHECK_NAMES));
    }

    /** Called before the first context when the engine is shared (Truffle guarantees it): no code exists yet. */
    @Override
    protected void initializeMultipleContexts() {
        singleContext.invalidate();
    }

    public Assumption singleContextAssumption() {
        return singleContext;
    }

    /** The code of a module (a script, an imported module), compiled once per language instance: every context of a shared engine runs the same code. */
    public AioRootNode moduleCode(Source source) {
        return compiledModules.get(this, source);
    }

    @Override
    protected void initializeContext(AioContext context) {
        context.initialize();
    }

    @Override
    protected void finalizeContext(AioContext context) {
        context.finish();
    }

    /** Also after a cancel, which skips {@link #finalizeContext}'s guest-visible work. */
    @Override
    protected void disposeContext(AioContext context) {
        context.openChannels().closeAll();
    }

    @Override
    protected void exitContext(AioContext context, ExitMode exitMode, int exitCode) {
        context.stopReplSession();
        if (exitMode == ExitMode.HARD) {
            // Truffle cancels the context's threads only after these notifications: joining a
            // worker that never looks at interrupts would wait forever. finalizeContext joins them.
            context.interruptWorkerThreads();
            context.interruptStartedThreads();
        } else {
            context.stopWorkerThreads();
        }
        context.writeTimeline();
    }

    @Override
    protected CallTarget parse(ParsingRequest request) {
        Source source = request.getSource();
        if (source.isInteractive()) {
            return new InteractiveRootNode(this, ModuleCompiler.compileInteractive(this, source)).getCallTarget();
        }
        if (source.getName().equals(RunModuleRootNode.SOURCE_NAME)) {
            return new RunModuleRootNode(this, source.getCharacters().toString().strip()).getCallTarget();
        }
        return new MainRootNode(this, moduleCode(source)).getCallTarget();
    }

    /** The REPL echoes values itself (their repr, on the loop thread): Truffle must not print an interactive eval's result. */
    @Override
    protected boolean isVisible(AioContext context, Object value) {
        return false;
    }

    /** {@code context.getBindings("aio")}: the globals of {@code __main__}, which every evaluated script shares. */
    @Override
    protected Object getScope(AioContext context) {
        return context.bindings();
    }

    /** How the debugger shows aio values: their repr and type. */
    @Override
    protected Object getLanguageView(AioContext context, Object value) {
        return new AioValueView(value);
    }

    @Override
    protected boolean isThreadAccessAllowed(Thread thread, boolean singleThreaded) {
        // Worker threads (asyncio.to_thread) may enter too; InterpreterLock lets one run aio code at a time.
        return true;
    }

    /** The function of a builtin method, made once per language: each {@code obj.method} bound in the interpreter asks. */
    public PyBuiltinFunction builtinFunction(BuiltinSpec spec) {
        PyBuiltinFunction made = builtinFunctions.get(spec);
        return made != null ? made : builtinFunctions.computeIfAbsent(spec, s -> new PyBuiltinFunction(s, new BuiltinRootNode(this, s).getCallTarget()));
    }

    /** The calling thread's {@link CallDepth} in the current context. */
    public CallDepth callDepth() {
        return callDepth.get();
    }

    public static AioLanguage get(Node node) {
        return REFERENCE.get(node);
    }
}
