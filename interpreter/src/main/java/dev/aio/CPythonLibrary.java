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
                    "codecs", "encodings", "plistlib", "selectors", "socketserver", "email", "quopri", "mimetypes", "calendar", "xml");

    /**
     * Submodules offered from packages that are not offered whole: {@code urllib}'s and
     * {@code http}'s but {@code http.cookiejar}, not yet tried under aio.
     * The package itself ({@code http/__init__.py}) comes with its offered submodules.
     */
    private static final Set<String> OFFERED_SUBMODULES = Set.of("urllib.parse", "urllib.request", "urllib.response", "urllib.error", "http.client", "http.server", "http.cookies");

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
     * and {@code QUOTE_NOTNULL} are not 3.11's ({@code _csv} has neither).
     * {@code calendar}: 3.11's text where 3.12's differs, above all the days and months as plain
     * ints ({@code MONDAY}, {@code January}) where 3.12 makes them {@code IntEnum}s with
     * {@code global_enum}, and 3.11's month checks and {@code IllegalMonthError} bases; {@code locale}
     * (which aio lacks) is imported only where a locale's calendar switches locale.
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
                    "calendar", List.<String[]>of(
                                    new String[]{"from enum import IntEnum, global_enum\n", ""},
                                    new String[]{"import warnings\n", ""},
                                    new String[]{"           \"Day\", \"Month\", \"JANUARY\", \"FEBRUARY\", \"MARCH\",\n           \"APRIL\", \"MAY\", \"JUNE\", \"JULY\",\n           \"AUGUST\", \"SEPTEMBER\", \"OCTOBER\", \"NOVEMBER\", \"DECEMBER\",\n", ""},
                                    new String[]{"# This is trick for backward compatibility. Since 3.13, we will raise IllegalMonthError instead of\n# IndexError for bad month number(out of 1-12). But we can't remove IndexError for backward compatibility.\nclass IllegalMonthError(ValueError, IndexError):", "class IllegalMonthError(ValueError):"},
                                    new String[]{"def __getattr__(name):\n    if name in ('January', 'February'):\n        warnings.warn(f\"The '{name}' attribute is deprecated, use '{name.upper()}' instead\",\n                      DeprecationWarning, stacklevel=2)\n        if name == 'January':\n            return 1\n        else:\n            return 2\n\n    raise AttributeError(f\"module '{__name__}' has no attribute '{name}'\")\n\n\n# Constants for months\n@global_enum\nclass Month(IntEnum):\n    JANUARY = 1\n    FEBRUARY = 2\n    MARCH = 3\n    APRIL = 4\n    MAY = 5\n    JUNE = 6\n    JULY = 7\n    AUGUST = 8\n    SEPTEMBER = 9\n    OCTOBER = 10\n    NOVEMBER = 11\n    DECEMBER = 12\n\n\n# Constants for days\n@global_enum\nclass Day(IntEnum):\n    MONDAY = 0\n    TUESDAY = 1\n    WEDNESDAY = 2\n    THURSDAY = 3\n    FRIDAY = 4\n    SATURDAY = 5\n    SUNDAY = 6\n", "# Constants for months referenced later\nJanuary = 1\nFebruary = 2\n\n# Constants for weekdays\n(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY) = range(7)\n"},
                                    new String[]{"    return Day(datetime.date(year, month, day).weekday())", "    return datetime.date(year, month, day).weekday()"},
                                    new String[]{"def _validate_month(month):\n    if not 1 <= month <= 12:\n        raise IllegalMonthError(month)\n\ndef monthrange(year, month):\n    \"\"\"Return weekday of first day of month (0-6 ~ Mon-Sun)\n       and number of days (28-31) for year, month.\"\"\"\n    _validate_month(month)\n", "def monthrange(year, month):\n    \"\"\"Return weekday (0-6 ~ Mon-Sun) and number of days (28-31) for\n       year, month.\"\"\"\n    if not 1 <= month <= 12:\n        raise IllegalMonthError(month)\n"},
                                    new String[]{"month == FEBRUARY and isleap", "month == February and isleap"},
                                    new String[]{"for m in Month]", "for m in range(January, January+12)]"},
                                    new String[]{"        _validate_month(themonth)\n\n", ""},
                                    new String[]{"        _validate_month(themonth)\n", ""},
                                    new String[]{"range(JANUARY, JANUARY+12, width)", "range(January, January+12, width)"},
                                    new String[]{"help=\"year number\"", "help=\"year number (1-9999)\""},
                                    new String[]{"        if options.month is not None:\n            _validate_month(options.month)\n", ""},
                                    new String[]{"help=\"locale to use for month and weekday names\"", "help=\"locale to be used from month and weekday names\""},
                                    new String[]{"import locale as _locale\n", ""},
                                    new String[]{"    def __init__(self, locale):\n        self.locale = locale\n        self.oldlocale = None\n",
                                                    "    def __init__(self, locale):\n        global _locale\n        import locale as _locale\n        self.locale = locale\n        self.oldlocale = None\n"},
                                    new String[]{"def _get_default_locale():\n", "def _get_default_locale():\n    global _locale\n    import locale as _locale\n"}));

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
