package dev.aio;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleFile;

import dev.aio.compiler.AioSyntaxException;
import dev.aio.parser.AioSyntaxError;
import dev.aio.parser.SourceDecoder;
import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyTuple;

/**
 * Importing modules written by the user: {@code NAME.aio} or {@code NAME.py} files and packages
 * (folders with {@code __init__.aio}/{@code __init__.py}, or without one: namespace packages) found
 * along {@code sys.path}, whose first entry is the main script's folder. As in CPython, a module is
 * in {@code sys.modules} while its body runs (so circular imports see it partially initialised),
 * and is removed again if its body fails. Files are read through Truffle's file system, so an
 * embedder's IO policy applies (without IO, such imports are not found). A top-level module found
 * nowhere along sys.path may come from CPython's own library ({@link CPythonLibrary}).
 */
final class Imports {
    private final AioContext context;
    /** {@code sys.modules}: every imported module by name. */
    final PyDict modules = new PyDict();
    /** {@code sys.path}. */
    final PyList path = new PyList();
    /** Modules whose body is running now. */
    private final Set<PyModule> initializing = new HashSet<>();

    Imports(AioContext context) {
        this.context = context;
    }

    boolean isInitializing(PyModule m) {
        return initializing.contains(m);
    }

    /**
     * The module named {@code name} from the files along sys.path (or the parent package's path),
     * else from CPython's library, or {@code null}.
     */
    @TruffleBoundary
    PyModule load(String name) {
        if (CPythonLibrary.isPreloaded(name)) {
            CPythonLibrary.Module cpython = CPythonLibrary.find(name);
            return run(name, null, name, cpython.fileName(), cpython.text(), cpython.packageDir(), true);
        }
        int dot = name.lastIndexOf('.');
        Object[] dirs;
        PyModule parent = null;
        if (dot >= 0) {
            String parentName = name.substring(0, dot);
            Object p = context.importForCode(parentName);
            Object parentPath = p instanceof PyModule pm ? pm.get("__path__") : null;
            if (parentPath == null) {
                // Not a package: it has no submodules (importModule says so).
                return null;
            }
            parent = (PyModule) p;
            Object already = modules.get(name);
            if (already instanceof PyModule m) {
                // Importing the parent imported this one too.
                return m;
            }
            dirs = Iteration.toArray(parentPath);
        } else {
            dirs = path.toArray();
        }
        String last = name.substring(dot + 1);
        TruffleFile namespace = null;
        for (Object entry : dirs) {
            if (!(entry instanceof String dirName)) {
                continue;
            }
            try {
                TruffleFile dir = context.getEnv().getPublicTruffleFile(dirName.isEmpty() ? "." : dirName);
                TruffleFile pkg = dir.resolve(last);
                if (pkg.isDirectory()) {
                    for (String init : new String[]{"__init__.aio", "__init__.py"}) {
                        TruffleFile initFile = pkg.resolve(init);
                        if (initFile.isRegularFile()) {
                            return run(name, parent, last, initFile, pkg);
                        }
                    }
                    if (namespace == null) {
                        namespace = pkg;
                    }
                }
                for (String ext : new String[]{".aio", ".py"}) {
                    TruffleFile file = dir.resolve(last + ext);
                    if (file.isRegularFile()) {
                        return run(name, parent, last, file, null);
                    }
                }
            } catch (SecurityException | UnsupportedOperationException | IllegalArgumentException e) {
                // No file access in this context (or a path the file system rejects): not found here.
            }
        }
        if (namespace != null) {
            PyModule m = new PyModule(name);
            m.put("__file__", PyNone.NONE);
            m.put("__path__", new PyList(new Object[]{absolute(namespace)}));
            m.put("__package__", name);
            modules.put(name, m);
            if (parent != null) {
                parent.put(last, m);
            }
            return m;
        }
        CPythonLibrary.Module cpython = parent == null || CPythonLibrary.isLibraryFile(parent.get("__file__")) ? CPythonLibrary.find(name) : null;
        if (cpython != null) {
            return run(name, parent, last, cpython.fileName(), cpython.text(), cpython.packageDir(), true);
        }
        return null;
    }

    /**
     * CPython's {@code runpy._get_module_details}: the source of module {@code name}, found as an
     * import would find it (its parent packages are imported first), without running it; a package
     * gives its {@code __main__} submodule. Raises ImportError with CPython's messages when there is none.
     */
    @TruffleBoundary
    MainSource findMainSource(String name) {
        int dot = name.lastIndexOf('.');
        String packageName = dot < 0 ? "" : name.substring(0, dot);
        Object[] dirs;
        if (dot >= 0) {
            Object parent = context.importForCode(packageName);
            Object parentPath = parent instanceof PyModule pm ? pm.get("__path__") : null;
            if (parentPath == null) {
                throw PyErrors.raise(BuiltinTypes.MODULE_NOT_FOUND_ERROR, "__path__ attribute not found on '" + packageName + "' while trying to find '" + name + "'");
            }
            dirs = Iteration.toArray(parentPath);
        } else {
            dirs = path.toArray();
        }
        String last = name.substring(dot + 1);
        for (Object entry : dirs) {
            if (!(entry instanceof String dirName)) {
                continue;
            }
            try {
                TruffleFile dir = context.getEnv().getPublicTruffleFile(dirName.isEmpty() ? "." : dirName);
                if (dir.resolve(last).isDirectory()) {
                    return packageMain(name);
                }
                for (String ext : new String[]{".aio", ".py"}) {
                    TruffleFile file = dir.resolve(last + ext);
                    if (file.isRegularFile()) {
                        String fileName = absolute(file);
                        return new MainSource(fileName, SourceDecoder.decode(file.readAllBytes(), fileName), packageName, false);
                    }
                }
            } catch (IOException e) {
                throw PyErrors.raise(BuiltinTypes.IMPORT_ERROR, "cannot read " + name + ": " + e.getMessage());
            } catch (AioSyntaxError e) {
                throw new AioSyntaxException(e.format(), e, null, e.line()).toPython(false);
            } catch (SecurityException | UnsupportedOperationException | IllegalArgumentException e) {
                // No file access here: not found in this folder.
            }
        }
        CPythonLibrary.Module cpython = CPythonLibrary.find(name);
        if (cpython != null) {
            return cpython.packageDir() != null ? packageMain(name) : new MainSource(cpython.fileName(), cpython.text(), packageName, true);
        }
        if (context.findModule(name) != null) {
            throw PyErrors.raise(BuiltinTypes.IMPORT_ERROR, "aio cannot run its library module '" + name + "' as a script");
        }
        throw PyErrors.raise(BuiltinTypes.MODULE_NOT_FOUND_ERROR, "No module named " + name);
    }

    /** A package run as a script runs its {@code __main__} submodule, as in CPython. */
    private MainSource packageMain(String name) {
        Object pkg = context.importForCode(name);
        if (pkg instanceof PyModule m && m.get("__path__") != null) {
            try {
                return findMainSource(name + ".__main__");
            } catch (AioException e) {
                if (e.getPyType().isSubtypeOf(BuiltinTypes.IMPORT_ERROR)) {
                    throw PyErrors.raise(BuiltinTypes.IMPORT_ERROR, "No module named " + name + ".__main__; '" + name + "' is a package and cannot be directly executed");
                }
                throw e;
            }
        }
        throw PyErrors.raise(BuiltinTypes.MODULE_NOT_FOUND_ERROR, "No module named " + name);
    }

    private static String absolute(TruffleFile f) {
        return f.getAbsoluteFile().normalize().getPath();
    }

    private PyModule run(String name, PyModule parent, String last, TruffleFile file, TruffleFile packageDir) {
        String fileName = absolute(file);
        String text;
        try {
            text = SourceDecoder.decode(file.readAllBytes(), fileName);
        } catch (IOException e) {
            throw PyErrors.raise(BuiltinTypes.IMPORT_ERROR, "cannot read " + fileName + ": " + e.getMessage());
        } catch (AioSyntaxError e) {
            throw new AioSyntaxException(e.format(), e, null, e.line()).toPython(false);
        }
        return run(name, parent, last, fileName, text, packageDir == null ? null : absolute(packageDir), false);
    }

    /**
     * Runs a module's source {@code text} as module {@code name}, which is a package when
     * {@code packageDir} is given; an {@code internal} one is part of a library, not the program.
     */
    private PyModule run(String name, PyModule parent, String last, String fileName, String text, String packageDir, boolean internal) {
        PyModule m = new PyModule(name);
        m.put("__file__", fileName);
        if (packageDir != null) {
            m.put("__path__", new PyList(new Object[]{packageDir}));
            m.put("__package__", name);
        } else {
            m.put("__package__", parent == null ? "" : parent.getName());
        }
        modules.put(name, m);
        context.registerModuleFile(fileName, name);
        initializing.add(m);
        try {
            context.runSourceInto(m, fileName, text, internal);
        } catch (AioSyntaxException e) {
            modules.remove(name);
            throw e.toPython(false);
        } catch (RuntimeException e) {
            modules.remove(name);
            throw e;
        } finally {
            initializing.remove(m);
        }
        if (parent != null) {
            parent.put(last, m);
        }
        Object result = modules.get(name);
        return result instanceof PyModule r ? r : m;
    }
}
