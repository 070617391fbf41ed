package dev.aio.stdlib;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.PyBytesLike;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;

/**
 * {@code _subprocess}: starting a child process ({@link ChildProcess}) for aio's {@code subprocess}
 * module and asyncio's subprocess transport, both written in aio (CPython's {@code _posixsubprocess}
 * under {@code subprocess.Popen}).
 */
public final class SubprocessModule {
    private SubprocessModule() {
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("_subprocess");
        m.defineFunctions(context.getLanguage(), SubprocessModuleFactory.getFactories());
        m.put("PIPE", ChildProcess.PIPE);
        m.put("STDOUT", ChildProcess.STDOUT);
        m.put("DEVNULL", ChildProcess.DEVNULL);
        return m;
    }

    /** A program argument: CPython's {@code os.fsencode} takes str (and bytes, decoded here as UTF-8). */
    private static String argument(Object o) {
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof PyBytesLike b) {
            return new String(b.toArray(), StandardCharsets.UTF_8);
        }
        throw PyErrors.typeError("expected str, bytes or os.PathLike object, not " + PyOps.typeName(o));
    }

    /** None (inherit), PIPE, DEVNULL, or for stderr STDOUT. */
    private static Long redirect(Object o, String name, boolean stdoutAllowed) {
        if (o == PyNone.NONE) {
            return null;
        }
        if (o instanceof Long l && (l == ChildProcess.PIPE || l == ChildProcess.DEVNULL || (stdoutAllowed && l == ChildProcess.STDOUT))) {
            return l;
        }
        throw PyErrors.valueError(name + "=" + PyOps.repr(o) + ": aio's subprocesses take PIPE, DEVNULL" + (stdoutAllowed ? ", STDOUT" : "") + " or None (no file objects or descriptors)");
    }

    @Builtin(name = "spawn", params = {"args", "cwd", "env", "stdin", "stdout", "stderr"})
    @GenerateNodeFactory
    abstract static class SpawnNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doSpawn(Object args, Object cwd, Object env, Object stdin, Object stdout, Object stderr) {
            List<String> command = new ArrayList<>();
            for (Object a : Iteration.toArray(args)) {
                command.add(argument(a));
            }
            if (command.isEmpty()) {
                throw PyErrors.raise(BuiltinTypes.INDEX_ERROR, "list index out of range");
            }
            Map<String, String> environment = null;
            if (env != PyNone.NONE) {
                if (!(env instanceof PyDict)) {
                    throw PyErrors.typeError("env must be a dict, not " + PyOps.typeName(env));
                }
                environment = new LinkedHashMap<>();
                for (PyDict.Entry e : ((PyDict) env).entries()) {
                    environment.put(argument(e.key), argument(e.value));
                }
            }
            return ChildProcess.spawn(AioContext.get(this), command, cwd == PyNone.NONE ? null : argument(cwd), environment, redirect(stdin, "stdin", false),
                            redirect(stdout, "stdout", false), redirect(stderr, "stderr", true));
        }
    }
}
