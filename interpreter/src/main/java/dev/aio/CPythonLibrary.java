package dev.aio;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * CPython's own pure-Python standard library modules, run unchanged from GraalPy's
 * {@code org.graalvm.python:python-resources} jar on the class path, which carries CPython 3.12's
 * {@code Lib} under {@code META-INF/resources/libpython/} (as PyPy and GraalPy run CPython's
 * {@code Lib}). The source is read from the jar at import time; nothing is copied or extracted.
 * Only the modules aio is known to run correctly are offered: most others need language features
 * or C accelerator modules aio does not have yet, and a module that fails halfway through its
 * import would be worse than a clear "not yet" (see docs/design.md, "Standard library: CPython's
 * pure-Python modules").
 */
final class CPythonLibrary {
    private static final String ROOT = "META-INF/resources/libpython/";
    /** How the file names of these modules start, in tracebacks and {@code __file__}. */
    private static final String FILE_PREFIX = "<aio>/libpython/";

    /** The modules of the jar that run under aio with CPython's behaviour; each has a golden test in examples/stdlib/. */
    private static final Set<String> OFFERED = Set.of("base64", "bisect", "heapq", "textwrap", "string", "types", "warnings", "struct", "_pydatetime",
                    "unittest", "difflib", "pprint", "argparse", "fnmatch", "copy", "copyreg", "numbers", "fractions", "decimal", "_pydecimal", "_collections_abc",
                    "statistics", "uuid", "platform", "shlex", "graphlib", "reprlib", "colorsys", "keyword", "getopt", "optparse", "ipaddress", "html", "_markupbase",
                    "timeit", "sched", "hmac", "secrets", "tempfile", "glob", "stat", "configparser", "tomllib", "pickle", "_compat_pickle", "csv", "gzip", "_compression",
                    "codecs", "encodings", "plistlib", "selectors", "socketserver", "email", "quopri", "mimetypes", "xml");

    /**
     * Submodules offered from packages that are not offered whole: {@code urllib}'s and
     * {@code http}'s but {@code http.cookies} and {@code http.cookiejar}, not yet tried under aio.
     * The package itself ({@code http/__init__.py}) comes with its offered submodules.
     */
    private static final Set<String> OFFERED_SUBMODULES = Set.of("urllib.parse", "urllib.request", "urllib.response", "urllib.error", "http.client", "http.server");

    /**
     * Edits aio makes on reading a module, as pairs of (the jar's text, the text run): GraalPy's
     * own edits of CPython's files undone, and where the jar's 3.12 file differs from 3.11 in
     * what a program sees, 3.11's text. {@code _pydatetime}: GraalPy makes objects with its
     * {@code __graalpython__.unsafe_object_new(cls)} where CPython calls {@code object.__new__(cls)}.
     * {@code _collections_abc}: GraalPy commented out {@code _coro.close()} (aio would warn that
     * the probe coroutine was never awaited); 3.12 added {@code Buffer} to {@code __all__} and made
     * {@code ByteString} warn as deprecated; and the type of the iterator of a range beyond 64 bits,
     * which aio's ranges cannot be, is that of any range's. {@code hmac}: 3.11's message for a
     * missing digestmod. {@code tempfile}: 3.11's {@code mkdtemp} returns the path as it made it,
     * where 3.12's makes it absolute.
     * {@code csv}: 3.12's {@code QUOTE_STRINGS}
     * and {@code QUOTE_NOTNULL} are not 3.11's ({@code _csv} has neither). {@code email._parseaddr}: {@code calendar} (not offered: 3.12's differs from 3.11's) is imported
     * only where {@code mktime_tz} needs it.
     */
    private static final Map<String, List<String[]>> EDITS = Map.of("csv",
                    List.<String[]>of(new String[]{"                 QUOTE_STRINGS, QUOTE_NOTNULL, \\\n", ""},
                                    new String[]{"           \"QUOTE_STRINGS\", \"QUOTE_NOTNULL\",\n", ""}),
                    "_pydatetime",
                    List.<String[]>of(new String[]{"__graalpython__.unsafe_object_new(cls)", "object.__new__(cls)"}),
                    "_collections_abc", List.<String[]>of(
                                    new String[]{"# TODO: remove me\n# _coro.close()", "_coro.close()"},
                                    new String[]{"\"ByteString\", \"Buffer\",", "\"ByteString\","},
                                    new String[]{"class ByteString(Sequence, metaclass=_DeprecateByteStringMeta):", "class ByteString(Sequence):"},
                                    new String[]{"type(iter(range(1 << 1000)))", "type(iter(range(0)))"}),
                    "hmac", List.<String[]>of(new String[]{"Missing required argument 'digestmod'.", "Missing required parameter 'digestmod'."}),
                    "tempfile", List.<String[]>of(new String[]{"        return _os.path.abspath(file)", "        return file"}),
                    "email._parseaddr", List.<String[]>of(new String[]{"import time, calendar\n", "import time\n"},
                                    new String[]{"        t = calendar.timegm(data)", "        import calendar\n        t = calendar.timegm(data)"}));

    /**
     * CPython's standard modules written in C (so not in the jar) that aio does not have yet: an
     * import of one says so rather than "No module named".
     */
    private static final Set<String> C_MODULES = Set.of("array", "cmath", "unicodedata", "mmap");

    private CPythonLibrary() {
    }

    /**
     * A module's source and its file name: {@code <aio>/libpython/NAME.py}, so that, like aio's own
     * library, its frames stay out of tracebacks (the golden tests' expected output drops CPython's
     * library frames) and out of the debugger. A package ({@code NAME/__init__.py}) also has the
     * folder its submodules are found in, {@code packageDir}; otherwise that is {@code null}.
     */
    record Module(String fileName, String text, String packageDir) {
    }

    /**
     * Modules CPython imports at start-up, before {@code sys.path} has the script's folder, so a
     * program's own {@code codecs.py} never stands in for them: aio takes them from the library first.
     */
    private static final Set<String> PRELOADED = Set.of("codecs", "encodings");

    static boolean isPreloaded(String name) {
        return PRELOADED.contains(name);
    }

    /** Whether a module's file is one of CPython's library, so its submodules are found there too. */
    static boolean isLibraryFile(Object fileName) {
        return fileName instanceof String s && s.startsWith(FILE_PREFIX);
    }

    /**
     * The module (or package) {@code name}, dotted for a submodule ({@code unittest.mock}), if aio
     * offers it from CPython's library, else {@code null}.
     */
    @TruffleBoundary
    static Module find(String name) {
        if (!offered(name)) {
            return null;
        }
        String path = name.replace('.', '/');
        Module module = read(name, path + ".py", null);
        return module != null ? module : read(name, path + "/__init__.py", FILE_PREFIX + path);
    }

    private static boolean offered(String name) {
        int dot = name.indexOf('.');
        if (OFFERED.contains(dot < 0 ? name : name.substring(0, dot)) || OFFERED_SUBMODULES.contains(name)) {
            return true;
        }
        for (String submodule : OFFERED_SUBMODULES) {
            if (submodule.startsWith(name + ".")) {
                return true;
            }
        }
        return false;
    }

    private static Module read(String name, String path, String packageDir) {
        URL url = CPythonLibrary.class.getClassLoader().getResource(ROOT + path);
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String[] edit : EDITS.getOrDefault(name, List.of())) {
                text = text.replace(edit[0], edit[1]);
            }
            return new Module(FILE_PREFIX + path, text, packageDir);
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether {@code name} is a module of CPython's standard library (or a submodule of one) that aio does not provide yet. */
    @TruffleBoundary
    static boolean isNotProvided(String name) {
        if (offered(name)) {
            return false;
        }
        if (C_MODULES.contains(name)) {
            return true;
        }
        String path = ROOT + name.replace('.', '/');
        ClassLoader loader = CPythonLibrary.class.getClassLoader();
        return loader.getResource(path + ".py") != null || loader.getResource(path + "/__init__.py") != null;
    }
}
