package dev.aio.compiler;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import com.oracle.truffle.api.bytecode.BytecodeConfig;
import com.oracle.truffle.api.source.Source;

import dev.aio.AioContext;
import dev.aio.AioLanguage;
import dev.aio.ast.Expr;
import dev.aio.ast.Module;
import dev.aio.ast.Node;
import dev.aio.ast.Pos;
import dev.aio.nodes.AioRootNode;
import dev.aio.nodes.AioRootNodeGen;
import dev.aio.parser.AioParser;
import dev.aio.parser.AioSyntaxError;
import dev.aio.runtime.PyCode;

/** Source → syntax tree → scopes → bytecode: the module's root node, with every function nested in it. */
public final class ModuleCompiler {
    private ModuleCompiler() {
    }

    public static AioRootNode compileModule(AioLanguage language, Source source) {
        return compile(language, source, false);
    }

    /**
     * One REPL input, to run in the persistent {@code __main__}: expression statements echo their
     * value, and an input that awaits at top level compiles to a coroutine (CPython's
     * {@code PyCF_ALLOW_TOP_LEVEL_AWAIT}), which the REPL runs as a task.
     */
    public static AioRootNode compileInteractive(AioLanguage language, Source source) {
        return compile(language, source, true);
    }

    /** {@code aio check}: every name read that nothing binds, reported as CPython reports the NameError, caret and all. */
    private static void checkNames(Source source, String text, Map<Object, Scope> scopes, Scope module, Set<String> builtins) {
        StringBuilder report = new StringBuilder();
        int firstLine = 0;
        for (Expr.Name n : NameCheck.undefinedNames(scopes, module, builtins)) {
            report.append(SyntaxReport.format(source.getName(), text, n.pos(), "NameError", "name '" + n.id() + "' is not defined"));
            firstLine = firstLine == 0 ? n.pos().line() : firstLine;
        }
        if (!report.isEmpty()) {
            throw new AioSyntaxException(report.toString(), null, source, firstLine);
        }
    }

    /**
     * The code {@code compile()}, {@code exec()} and {@code eval()} run: mode {@code "exec"} (a
     * module's statements), {@code "eval"} (one expression, whose value the code returns) or
     * {@code "single"} (one interactive statement, echoing expression values). With
     * {@code separateLocals} the top-level names bind in a locals mapping apart from the globals,
     * which the code reads first, as a class body does (CPython's {@code exec(code, globals, locals)}).
     */
    public static AioRootNode compileCode(AioLanguage language, Source source, String mode, boolean separateLocals) {
        return compile(language, source, mode.equals("single"), mode.equals("eval"), separateLocals);
    }

    private static AioRootNode compile(AioLanguage language, Source source, boolean interactive) {
        return compile(language, source, interactive, false, false);
    }

    private static AioRootNode compile(AioLanguage language, Source source, boolean interactive, boolean expression, boolean separateLocals) {
        String fileName = source.getName();
        String text = source.getCharacters().toString();
        Module module;
        try {
            module = AioParser.parse(text, fileName);
            if (expression) {
                AioParser.checkExpression(module, text, fileName);
            }
        } catch (AioSyntaxError e) {
            throw new AioSyntaxException(e.format(), e, source, e.line());
        }
        Map<Object, Scope> scopes;
        try {
            scopes = ScopeAnalyzer.analyze(module, separateLocals ? Scope.Kind.CLASS : Scope.Kind.MODULE);
        } catch (CompileRecursionError e) {
            throw compileRecursion();
        }
        AioContext context = AioContext.get(null);
        if (context != null && context.checksNames()) {
            checkNames(source, text, scopes, scopes.get(module), context.builtinNames());
        }
        SourceMap sourceMap = new SourceMap(source);
        AioRootNode[] result = new AioRootNode[1];
        // Shared by every parse of this module's roots, the DSL's re-parses for instrumentation included.
        Map<Node, PyCode> compiled = Collections.synchronizedMap(new IdentityHashMap<>());
        try {
            AioRootNodeGen.create(language, BytecodeConfig.WITH_SOURCE, b -> {
                b.beginSource(source);
                Scope scope = scopes.get(module);
                CodeGenerator g = new CodeGenerator(language, b, scopes, compiled, scope, sourceMap, fileName, "", interactive && scope.awaits && !separateLocals, interactive);
                result[0] = g.compileModule(module.body(), Pos.NONE);
                b.endSource();
            });
        } catch (CompileError e) {
            Pos p = e.pos();
            // CPython's compiler reads the line back from the file: code compiled from a string ("<string>") has none.
            boolean fromFile = !fileName.startsWith("<");
            String line = fromFile && p.line() >= 1 && p.line() <= source.getLineCount() ? source.getCharacters(p.line()).toString() : null;
            int endCol = p.endLine() == p.line() ? p.endCol() : p.col() + 1;
            AioSyntaxError cause = new AioSyntaxError(fileName, "SyntaxError", e.getMessage(), p.line(), p.col() + 1, endCol + 1, line);
            throw new AioSyntaxException(SyntaxReport.format(fileName, text, p, "SyntaxError", e.getMessage()), cause, source, p.line());
        } catch (StackOverflowError e) {
            // Compiling on a thread smaller than aio's own (an embedder's), within the nesting limit.
            throw compileRecursion();
        }
        return result[0];
    }

    /** CPython prints it alone, without a traceback or a source line. */
    private static AioSyntaxException compileRecursion() {
        return new AioSyntaxException("RecursionError: maximum recursion depth exceeded during compilation\n", null, null, 0);
    }
}
