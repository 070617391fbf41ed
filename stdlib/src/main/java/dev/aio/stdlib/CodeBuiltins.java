package dev.aio.stdlib;

import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.source.Source;

import dev.aio.AioContext;
import dev.aio.AioLanguage;
import dev.aio.compiler.AioSyntaxException;
import dev.aio.compiler.ModuleCompiler;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.nodes.ops.CallSite;
import dev.aio.nodes.ops.ValueOps;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.CallDepth;
import dev.aio.runtime.DictNamespace;
import dev.aio.runtime.PyCell;
import dev.aio.runtime.PyCode;
import dev.aio.runtime.PyCodeObject;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyFunction;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;

/**
 * The builtins that run code made at run time: {@code compile}, {@code exec}, {@code eval}, and
 * {@code __import__}, after CPython's Python/bltinmodule.c. Code runs in the caller's globals and
 * locals unless given dicts; with a locals dict apart from the globals its top-level names bind
 * there, as in a class body (CPython's {@code LOAD_NAME}/{@code STORE_NAME}).
 */
public final class CodeBuiltins {
    private CodeBuiltins() {
    }

    @Builtin(name = "compile", params = {"source", "filename", "mode", "flags", "dont_inherit", "optimize"}, required = 3, posOnly = 0)
    @GenerateNodeFactory
    abstract static class CompileNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doCompile(Object source, Object filename, Object mode, Object flags, Object dontInherit, Object optimize) {
            if (!(mode instanceof String m) || !(m.equals("exec") || m.equals("eval") || m.equals("single"))) {
                if (!(mode instanceof String)) {
                    throw PyErrors.typeError("compile() argument 'mode' must be str, not " + PyOps.typeName(mode));
                }
                throw PyErrors.valueError("compile() mode must be 'exec', 'eval' or 'single'");
            }
            if (!(filename instanceof String file)) {
                throw PyErrors.typeError("compile() argument 'filename' must be str, not " + PyOps.typeName(filename));
            }
            if (source instanceof PyCodeObject code) {
                return code;
            }
            return compile(AioContext.get(this).getLanguage(), text(source, "compile() arg 1 must be a string, bytes or AST object"), file, m);
        }
    }

    @Builtin(name = "exec", params = {"source", "globals", "locals"}, required = 1)
    @GenerateNodeFactory
    abstract static class ExecNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doExec(Object source, Object globals, Object locals) {
            PyCodeObject code = source instanceof PyCodeObject c ? c
                            : compile(AioContext.get(this).getLanguage(), text(source, "exec() arg 1 must be a string, bytes or code object"), "<string>", "exec");
            run(AioContext.get(this), code, globals, locals, "exec");
            return PyNone.NONE;
        }
    }

    @Builtin(name = "eval", params = {"source", "globals", "locals"}, required = 1)
    @GenerateNodeFactory
    abstract static class EvalNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doEval(Object source, Object globals, Object locals) {
            PyCodeObject code;
            if (source instanceof PyCodeObject c) {
                code = c;
            } else {
                // CPython strips the leading spaces and tabs of a string to evaluate.
                String text = text(source, "eval() arg 1 must be a string, bytes or code object").replaceFirst("^[ \t]+", "");
                code = compile(AioContext.get(this).getLanguage(), text, "<string>", "eval");
            }
            Object result = run(AioContext.get(this), code, globals, locals, "eval");
            return code.mode().equals("eval") ? result : PyNone.NONE;
        }
    }

    /** {@code __import__(name, globals, locals, fromlist, level)}: the top package, or the module itself with a fromlist. */
    @Builtin(name = "__import__", params = {"name", "globals", "locals", "fromlist", "level"}, required = 1, posOnly = 0)
    @GenerateNodeFactory
    abstract static class ImportNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doImport(Object name, Object globals, Object locals, Object fromlist, Object level) {
            if (!(name instanceof String n)) {
                throw PyErrors.typeError("__import__() argument 1 must be str, not " + PyOps.typeName(name));
            }
            long lvl = Args.given(level) ? Args.index(level, "level") : 0;
            if (lvl < 0) {
                throw PyErrors.valueError("level must be >= 0");
            }
            boolean wantsLeaf = Args.given(fromlist) && PyOps.isTrue(fromlist);
            if (lvl > 0) {
                PyModule context = globals instanceof PyDict g ? new PyModule("?", g) : CallSite.caller().function().getGlobals();
                return ValueOps.importRelative(context, n, (int) lvl);
            }
            if (n.isEmpty()) {
                throw PyErrors.valueError("Empty module name");
            }
            return wantsLeaf ? ValueOps.importSubmodule(n) : ValueOps.importModule(n);
        }
    }

    private static String text(Object source, String error) {
        if (source instanceof String s) {
            if (s.indexOf('\0') >= 0) {
                throw PyErrors.raise(BuiltinTypes.SYNTAX_ERROR, "source code string cannot contain null bytes");
            }
            return s;
        }
        throw PyErrors.typeError(error);
    }

    @TruffleBoundary
    static PyCodeObject compile(AioLanguage language, String text, String fileName, String mode) {
        PyCode code = compiled(language, text, fileName, mode, false);
        return new PyCodeObject(code, mode, fileName, text);
    }

    private static PyCode compiled(AioLanguage language, String text, String fileName, String mode, boolean separateLocals) {
        Source source = Source.newBuilder(AioLanguage.ID, text, fileName).build();
        try {
            return ModuleCompiler.compileCode(language, source, mode, separateLocals).getCode();
        } catch (AioSyntaxException e) {
            throw e.toPython(mode.equals("eval") && !text.endsWith("\n"));
        }
    }

    /**
     * Runs {@code code} in {@code globals} and {@code locals} (the caller's when not given or
     * None); what the code's module body returns (an expression's value in mode 'eval').
     */
    private static Object run(AioContext context, PyCodeObject code, Object globals, Object locals, String function) {
        PyModule module;
        Object localNames;
        boolean noGlobals = !Args.given(globals) || globals == PyNone.NONE;
        if (noGlobals) {
            CallSite.Caller caller = CallSite.caller();
            if (caller == null) {
                throw PyErrors.runtimeError(function + "(): no caller frame");
            }
            module = caller.function().getGlobals();
            localNames = caller.locals();
        } else {
            if (!(globals instanceof PyDict g)) {
                throw PyErrors.typeError(function.equals("exec") ? "exec() globals must be a dict, not " + PyOps.typeName(globals) : "globals must be a dict");
            }
            if (!g.containsKey("__builtins__")) {
                g.put("__builtins__", context.getBuiltins().namespace());
            }
            module = new PyModule(g.get("__name__") instanceof String name ? name : "builtins", g);
            localNames = null;
        }
        if (Args.given(locals) && locals != PyNone.NONE) {
            if (!(locals instanceof PyDict)) {
                throw PyErrors.typeError("locals must be a mapping");
            }
            localNames = locals == module.namespace() ? null : locals;
        }
        if (localNames == null) {
            return CallDepth.call(code.code().callTarget(), new PyFunction(code.code(), module, null, null, new PyCell[0]));
        }
        Map<?, ?> namespace = localNames instanceof PyDict d ? new DictNamespace(d) : (Map<?, ?>) localNames;
        PyCode separate = compiled(context.getLanguage(), code.source(), code.fileName(), code.mode(), true);
        return CallDepth.call(separate.callTarget(), new PyFunction(separate, module, null, null, new PyCell[0]), namespace);
    }
}
