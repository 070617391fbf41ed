package dev.aio.launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inputs for {@link FuzzTest}: mutants of the example corpus, random streams of Python tokens, and
 * random programs that are mostly well-formed (so that they get past the parser and run). Input
 * {@code i} depends only on the seed, {@code i} and the corpus, so it can be regenerated alone.
 */
final class FuzzInputs {
    private static final Pattern TOKEN = Pattern.compile(
                    "[ \\t]+|\\n|#[^\\n]*|[A-Za-z_][A-Za-z_0-9]*|\\d[\\d_]*(\\.\\d*)?([eE][-+]?\\d+)?j?|\"[^\"\\n]*\"|'[^'\\n]*'|\\*\\*=?|//=?|->|[<>=!]=|<<=?|>>=?|:=|\\.\\.\\.|.");

    private static final String CHARS = "()[]{}:;,.'\"\\#=+-*/%@<>!&|^~ \t\n0123456789abcxyz_\u00e9\u0000\r$?`";
    private static final String[] KEYWORDS = {"False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
                    "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
                    "with", "yield", "match", "case", "type", "_", "print", "except*"};
    private static final String[] OPERATORS = {"+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^", "~", ":=", "<", ">", "<=", ">=", "==", "!=", "(", ")",
                    "[", "]", "{", "}", ",", ":", ";", ".", "...", "=", "->", "+=", "-=", "*=", "/=", "//=", "%=", "@=", "&=", "|=", "^=", ">>=", "<<=", "**=", "!", "$",
                    "?", "`", "\\", "\\\n", "#", "\"", "'", "\"\"\"", "'''", "\t", "\r", "\u00a0", "\u00e9", "\0"};
    private static final String[] NAMES = {"x", "y", "z", "f", "g", "C", "D", "main", "self", "cls", "len", "range", "int", "str", "list", "dict", "set", "tuple", "type",
                    "object", "super", "isinstance", "issubclass", "asyncio", "sleep", "gather", "create_task", "run", "Exception", "ValueError", "BaseException",
                    "ExceptionGroup", "__init__", "__aenter__", "__aexit__", "__iter__", "__next__", "__anext__", "__await__", "__class__", "__dict__", "__name__",
                    "__getattr__", "__eq__", "__hash__", "__len__", "__bool__", "__repr__", "__str__", "__call__", "__getitem__", "__set_name__", "__get__", "__init_subclass__",
                    "__enter__", "__exit__", "iter", "next", "sorted", "sum", "min", "max", "abs", "repr", "hash", "id", "getattr", "setattr", "hasattr",
                    "callable", "sys", "math", "random", "time", "format", "enumerate", "zip", "map", "filter", "reversed", "any", "all", "divmod", "pow", "round",
                    "chr", "ord", "bool", "float", "bytes", "frozenset", "slice", "property", "staticmethod", "classmethod", "dataclasses", "dataclass", "Queue",
                    "Event", "Lock", "Semaphore", "Condition", "TaskGroup", "timeout", "wait_for", "wait", "shield", "as_completed", "current_task", "get_running_loop",
                    "to_thread", "Future", "Task", "CancelledError", "TimeoutError", "StopIteration", "StopAsyncIteration", "GeneratorExit", "KeyboardInterrupt",
                    "SystemExit", "NotImplemented", "Ellipsis", "vars", "dir", "globals", "locals", "exec", "eval", "open", "input", "iter", "aiter", "anext",
                    "append", "pop", "get", "items", "keys", "values", "join", "split", "send", "throw", "close", "cancel", "result", "done", "exception", "put", "put_nowait",
                    "get_nowait", "task_done", "set_result", "set_exception", "add_done_callback", "call_soon", "call_later", "exit", "argv", "args", "kwargs"};
    private static final String[] NUMBERS = {"0", "1", "2", "3", "-1", "7", "10", "255", "3.14", "0.5", "1e308", "1e-9", "0x1f", "0o7", "0b101", "1_000", "10**100",
                    "2**63", "-2**63", "9223372036854775807", "9223372036854775808", "2j", "1.5e300", "0.0", "-0.0", "float('inf')", "float('nan')", "00", "1__0",
                    "0x", "1e", "08", "1.", ".5", "1_", "0b2"};
    private static final String[] STRINGS = {"'a'", "\"b\"", "''", "'abc'", "f'{x}'", "f\"{x!r:>{y}}\"", "f'{'", "f'{x=}'", "f'{{}}'", "r'\\d'", "b'x'", "'''t'''",
                    "\"\\n\"", "'\\x'", "'\\N{EM DASH}'", "'\u00e9'", "'\\u00e9'", "'%s %d'", "'{}{}'", "'{0}{x}'", "'{:>10}'", "'{:,.2f}'", "\"%(a)s\"", "'\\'",
                    "'\\t\\0'", "'😀'", "rb'\\x'", "u'u'", "f'{x:{y}}'", "f'{x!z}'", "'%'", "'%*d'", "'{!r}'", "'{0.x}'", "'{0[1]}'"};

    private static final String[] VALID_NUMBERS = {"0", "1", "2", "3", "-1", "7", "10", "255", "3.14", "0.5", "1e308", "1e-9", "0x1f", "0o7", "0b101", "1_000",
                    "10**100", "2**63", "-2**63", "9223372036854775807", "1.5e300", "0.0", "-0.0", "float('inf')", "float('nan')", "True", "None"};
    private static final String[] VALID_STRINGS = {"'a'", "\"b\"", "''", "'abc'", "f'{x}'", "f\"{x!r:>{y}}\"", "f'{x=}'", "f'{{}}'", "r'\\d'", "'''t'''",
                    "'\\N{EM DASH}'", "'\u00e9'", "'%s %d'", "'{}{}'", "'{0}{x}'", "'{:>10}'", "'{:,.2f}'", "\"%(a)s\"", "'%*d'", "'{!r}'", "'{0.x}'", "'{0[1]}'",
                    "f'{x:{y}}'", "'%'", "'{'", "'%c'", "'{:%}'", "'{:x}'", "'{:=^5}'", "'{:c}'", "'%.3e'"};
    private static final String[] BINARY = {"+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^", "<", ">", "<=", ">=", "==", "!=", "and", "or", "in",
                    "not in", "is", "is not"};
    private static final String[] SIMPLE = {"N = E", "print(E)", "N += E", "N -= E", "N, *N = E", "N[E] = E", "N.N = E", "del N", "del N[E]", "assert E, E",
                    "raise E", "raise E from E", "return E", "yield E", "await E", "pass", "break", "continue", "N = lambda N, *N, **N: E", "print(*E)", "print(**E)",
                    "E", "N = [E for N in E if E]", "N = {E: E for N in E}", "N = (E for N in E)", "N: E = E", "N = E if E else E",
                    "N = await asyncio.gather(E, E)", "N = asyncio.create_task(E)", "await asyncio.sleep(E)", "print(N.N(E))", "N = N(E, N=E)",
                    "print(repr(E), str(E), len(E))", "print(E[E:E:E])", "print(E % E)", "print(format(E, E))", "print(E.format(E))", "print(sorted(E))",
                    "N = iter(E); print(next(N))", "print(int(E), float(E), str(E), list(E), dict(E), set(E), tuple(E))", "N = N.N(E)", "(N := E)",
                    "N = await N.N(E)", "print(hash(E), bool(E), abs(E), -E, ~E, not E)", "global N", "nonlocal N"};
    private static final String[] COMPOUND = {"if E:", "while E:", "for N in E:", "async for N in E:", "try:", "with E as N:", "async with E as N:", "def N(N, N=E, *N, **N):",
                    "def N(self, N):", "async def N(N):", "class N(N):", "class N:", "@E\ndef N(N):", "@E\nclass N:", "match E:"};
    /** Definitions a random program may start with, so that its names refer to something. */
    private static final String[] DEFINITIONS = {"""
                    class C:
                        def __init__(self, x=1):
                            self.x = x
                        def __repr__(self):
                            return f'C({self.x})'
                        def __eq__(self, other):
                            return self.x == other
                        def __hash__(self):
                            return hash(self.x)
                        def __lt__(self, other):
                            return self.x < other
                        def __iter__(self):
                            return iter([self.x])
                        def __len__(self):
                            return self.x
                        def __getitem__(self, i):
                            return self.x
                        def __call__(self, *a, **k):
                            return self
                        def __add__(self, other):
                            return self.x + other
                        def __bool__(self):
                            return self.x
                        def __enter__(self):
                            return self
                        def __exit__(self, *a):
                            return self.x
                        async def __aenter__(self):
                            return self
                        async def __aexit__(self, *a):
                            return False
                        def __await__(self):
                            return iter([self.x])
                        def __aiter__(self):
                            return self
                        async def __anext__(self):
                            raise StopAsyncIteration
                        def __str__(self):
                            return self.x
                        def __format__(self, spec):
                            return spec
                        def __getattr__(self, name):
                            return self.x
                    """, """
                    class D(Exception):
                        def __init__(self, *args):
                            super().__init__(*args)
                        def __str__(self):
                            return 1
                    """, """
                    def gen(n):
                        for i in range(n):
                            x = yield i
                        return x
                    """, """
                    async def agen(n):
                        for i in range(n):
                            yield i
                            await asyncio.sleep(0)
                    """, """
                    async def coro(x=0):
                        await asyncio.sleep(x)
                        return x
                    """, """
                    def f(x=0, *args, y=1, **kwargs):
                        return x
                    """, """
                    x, y, z = 1, 'a', [1, 2]
                    """};

    private final List<String> corpus;

    FuzzInputs(List<String> corpus) {
        this.corpus = corpus;
    }

    /** The seed of input {@code index}. */
    static long seedOf(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** One input: what kind it is ({@code mutant}, {@code tokens}, {@code program}, {@code calls}, {@code deep}) and its text. */
    record Input(String kind, String text) {
    }

    /** Input {@code index}: about half are mutants of the corpus; token soup, random programs, random calls and deep or long inputs share the rest. */
    Input input(long seed, int index) {
        Random r = new Random(seedOf(seed, index));
        int kind = r.nextInt(9);
        if (kind <= 3) {
            String text = corpus.get(r.nextInt(corpus.size()));
            int mutations = 1 + (r.nextInt(3) == 0 ? r.nextInt(6) : 0);
            for (int i = 0; i < mutations; i++) {
                text = mutate(r, text);
            }
            return new Input("mutant", text);
        }
        return switch (kind) {
            case 4, 5 -> new Input("tokens", tokenSoup(r));
            case 6 -> new Input("program", randomProgram(r));
            case 7 -> new Input("calls", randomCalls(r));
            default -> r.nextBoolean() ? new Input("deep", deepOrLong(r)) : new Input("program", randomProgram(r));
        };
    }

    // ----- deeply nested and very long inputs --------------------------------------------------

    /** A size around {@code limit}: below it, at it or past it, so each side of CPython's limits is tried. */
    private static int around(Random r, int limit) {
        return Math.max(1, limit / 2 + r.nextInt(limit));
    }

    /**
     * Nesting and length near CPython's limits (200 brackets, 100 indentation levels, 3000 levels of
     * compilation, 6000 of its parser) and long runs of statements, operands and characters: each
     * must run, or fail with CPython's error, never overflow aio's stack.
     */
    private static String deepOrLong(Random r) {
        String operand = VALID_NUMBERS[r.nextInt(VALID_NUMBERS.length)];
        return switch (r.nextInt(12)) {
            case 0 -> {
                int depth = around(r, 200);
                StringBuilder open = new StringBuilder();
                StringBuilder close = new StringBuilder();
                for (int i = 0; i < depth; i++) {
                    int kind = r.nextInt(3);
                    open.append("([{".charAt(kind));
                    close.insert(0, ")]}".charAt(kind));
                }
                yield "x = " + open + operand + close + "\nprint(x)\n";
            }
            case 1 -> {
                String[] ops = {" + ", " - ", " * ", " | ", " & ", " < ", " == ", " and ", " or ", " if 1 else ", ".real + "};
                int n = around(r, 3000);
                StringBuilder sb = new StringBuilder("x = ").append(operand);
                for (int i = 0; i < n; i++) {
                    sb.append(ops[r.nextInt(ops.length)]).append(r.nextInt(5));
                }
                yield sb.append("\nprint(x)\n").toString();
            }
            case 2 -> {
                String[] unary = {"-", "+", "~", "not "};
                String op = unary[r.nextInt(unary.length)];
                yield "print(" + op.repeat(around(r, r.nextBoolean() ? 3000 : 6000)) + operand + ")\n";
            }
            case 3 -> {
                String[] headers = {"if True:", "for _ in range(1):", "while True:", "def f():", "try:", "with open(__file__):", "class C:", "async def g():"};
                int depth = around(r, 100);
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < depth; i++) {
                    sb.append(" ".repeat(i)).append(headers[r.nextInt(headers.length)]).append('\n');
                }
                yield sb.append(" ".repeat(depth)).append("print(1)\n").toString();
            }
            case 4 -> "class A:\n    pass\na = A()\na.b = a\nprint(a" + ".b".repeat(around(r, 3000)) + " is a)\n";
            case 5 -> "f = lambda *a: f\nprint(f" + "()".repeat(around(r, 3000)) + " is f)\n";
            case 6 -> "print((" + "lambda: ".repeat(around(r, 1500)) + operand + ")())\n";
            case 7 -> "print([1" + " for _ in range(1)".repeat(around(r, 100)) + " if _ == 0".repeat(r.nextInt(300)) + "])\n";
            case 8 -> "def f():\n    x = 0\n" + "    x = x + 1\n".repeat(around(r, 3000)) + "    return x\nprint(f())\n";
            case 9 -> "s = '" + "ab\\n".repeat(around(r, 30_000)) + "'\nprint(len(s))\n";
            case 10 -> "print(len([" + (operand + ", ").repeat(around(r, 3000)) + "]))\n";
            default -> "def r(n):\n    return r(n + 1) if n < " + around(r, 2000) + " else n\nprint(r(0))\n";
        };
    }

    // ----- mutations of the corpus ------------------------------------------------------------

    private String mutate(Random r, String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int n = lines.size();
        int a = r.nextInt(n);
        int b = r.nextInt(n);
        switch (r.nextInt(18)) {
            case 0 -> lines.remove(a);
            case 1 -> lines.add(a, lines.get(b));
            case 2 -> {
                String t = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, t);
            }
            case 3 -> lines.set(a, reindent(r, lines.get(a)));
            case 4 -> {
                String other = corpus.get(r.nextInt(corpus.size()));
                String[] otherLines = other.split("\n");
                lines.add(a, otherLines[r.nextInt(otherLines.length)]);
            }
            case 5 -> {
                return text.substring(0, boundary(text, r.nextInt(text.length() + 1)));
            }
            case 6, 7 -> {
                return charMutation(r, text);
            }
            case 8, 9, 10, 11 -> {
                return valueMutation(r, text);
            }
            default -> {
                return tokenMutation(r, text);
            }
        }
        return String.join("\n", lines);
    }

    private static String reindent(Random r, String line) {
        String body = line.stripLeading();
        String indent = line.substring(0, line.length() - body.length());
        return switch (r.nextInt(5)) {
            case 0 -> body;
            case 1 -> "    " + line;
            case 2 -> indent.length() >= 4 ? line.substring(4) : body;
            case 3 -> " ".repeat(r.nextInt(9)) + body;
            default -> "\t" + line;
        };
    }

    private static String charMutation(Random r, String text) {
        int at = boundary(text, r.nextInt(text.length() + 1));
        int next = at < text.length() ? text.offsetByCodePoints(at, 1) : at;
        String c = String.valueOf(CHARS.charAt(r.nextInt(CHARS.length())));
        return switch (r.nextInt(3)) {
            case 0 -> text.substring(0, at) + text.substring(next);
            case 1 -> text.substring(0, at) + c + text.substring(at);
            default -> text.substring(0, at) + c + text.substring(next);
        };
    }

    /** {@code at}, moved back if it would split a surrogate pair (a lone surrogate cannot be written as UTF-8). */
    private static int boundary(String text, int at) {
        return at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at)) ? at - 1 : at;
    }

    private String tokenMutation(Random r, String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        List<Integer> solid = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).isBlank()) {
                solid.add(i);
            }
        }
        if (solid.isEmpty()) {
            return text + randomToken(r);
        }
        int at = solid.get(r.nextInt(solid.size()));
        String replacement = randomToken(r);
        if (r.nextBoolean()) {
            // a token of the same class from the same file: more mutants get past the parser
            for (int tries = 0; tries < 20; tries++) {
                String t = tokens.get(solid.get(r.nextInt(solid.size())));
                if (tokenClass(t) == tokenClass(tokens.get(at))) {
                    replacement = t;
                    break;
                }
            }
        }
        switch (r.nextInt(4)) {
            case 0 -> tokens.remove(at);
            case 1 -> tokens.add(at, replacement + " ");
            case 2 -> tokens.set(at, replacement);
            default -> {
                int to = solid.get(r.nextInt(solid.size()));
                String t = tokens.get(at);
                tokens.set(at, tokens.get(to));
                tokens.set(to, t);
            }
        }
        return String.join("", tokens);
    }

    private static char tokenClass(String token) {
        char c = token.charAt(0);
        return Character.isLetter(c) || c == '_' ? 'n' : Character.isDigit(c) ? 'd' : c == '\'' || c == '"' ? 's' : c == '#' ? '#' : 'o';
    }

    /** Odd values for the builtins and asyncio functions the examples call: they mostly parse, and run into the edge cases. */
    private static final String[] ODD_VALUES = {"None", "0", "-1", "1", "2**63", "-2**63", "10**100", "1e308", "-0.0", "float('nan')", "float('inf')", "''", "'x'",
                    "[]", "{}", "()", "(1, 2)", "{1}", "True", "1.5", "object()", "print", "len", "(lambda *a, **k: None)", "Exception()", "ValueError", "asyncio.sleep(0)",
                    "asyncio.get_event_loop", "range(3)", "iter([])", "...", "NotImplemented", "type", "-1e-300", "9223372036854775807", "'\udcff'", "'a' * 100"};

    /** Replaces a name or literal (not a keyword, not a definition's name) with an odd value. */
    private static String valueMutation(Random r, String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            char c = tokenClass(t);
            boolean keyword = Arrays.asList(KEYWORDS).contains(t) && !t.equals("None") && !t.equals("True") && !t.equals("False");
            boolean defined = i >= 2 && (tokens.get(i - 2).equals("def") || tokens.get(i - 2).equals("class") || tokens.get(i - 2).equals("import"));
            if ((c == 'n' && !keyword && !defined) || c == 'd' || c == 's') {
                values.add(i);
            }
        }
        if (values.isEmpty()) {
            return text;
        }
        tokens.set(values.get(r.nextInt(values.size())), "(" + ODD_VALUES[r.nextInt(ODD_VALUES.length)] + ")");
        return String.join("", tokens);
    }

    // ----- random token streams -------------------------------------------------------------

    private static String randomToken(Random r) {
        String[] pool = switch (r.nextInt(5)) {
            case 0 -> KEYWORDS;
            case 1 -> OPERATORS;
            case 2 -> NAMES;
            case 3 -> NUMBERS;
            default -> STRINGS;
        };
        return pool[r.nextInt(pool.length)];
    }

    private static String tokenSoup(Random r) {
        StringBuilder sb = new StringBuilder();
        int lines = 1 + r.nextInt(12);
        for (int i = 0; i < lines; i++) {
            sb.append(indent(r));
            int tokens = 1 + r.nextInt(10);
            for (int j = 0; j < tokens; j++) {
                sb.append(randomToken(r)).append(r.nextInt(4) == 0 ? "" : " ");
            }
            sb.append(r.nextInt(20) == 0 ? "" : "\n");
        }
        return sb.toString();
    }

    private static String indent(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> "    ";
            case 1 -> "        ";
            case 2 -> " ".repeat(r.nextInt(6));
            case 3 -> "\t";
            default -> "";
        };
    }

    // ----- random programs (mostly well-formed, so that they run) -----------------------------

    private static final int IN_ASYNC = 1;
    private static final int IN_LOOP = 2;
    private static final int IN_FUNCTION = 4;

    private static String randomProgram(Random r) {
        StringBuilder sb = new StringBuilder("import asyncio\n");
        for (String d : DEFINITIONS) {
            if (r.nextInt(3) == 0) {
                sb.append(d);
            }
        }
        boolean async = r.nextBoolean();
        if (async) {
            sb.append("async def main():\n");
        }
        block(r, sb, async ? 1 : 0, 1 + r.nextInt(8), async ? IN_ASYNC | IN_FUNCTION : 0);
        if (async) {
            sb.append(r.nextInt(4) == 0 ? "asyncio.run(main(), debug=" + expr(r, 1) + ")\n" : "asyncio.run(main())\n");
        }
        return sb.toString();
    }

    /** Whether a statement fits where it is (await in a coroutine, break in a loop...): usually required, to get past the compiler. */
    private static boolean fits(String template, int where) {
        boolean awaits = template.contains("await") || template.startsWith("async for") || template.startsWith("async with");
        boolean loops = template.startsWith("break") || template.startsWith("continue");
        boolean returns = template.startsWith("return") || template.startsWith("yield") || template.startsWith("nonlocal");
        return (!awaits || (where & IN_ASYNC) != 0) && (!loops || (where & IN_LOOP) != 0) && (!returns || (where & IN_FUNCTION) != 0);
    }

    private static String pick(Random r, String[] templates, int where) {
        String t = templates[r.nextInt(templates.length)];
        while (!fits(t, where) && r.nextInt(20) != 0) {
            t = templates[r.nextInt(templates.length)];
        }
        return t;
    }

    private static void block(Random r, StringBuilder sb, int depth, int statements, int where) {
        String indent = "    ".repeat(depth);
        for (int i = 0; i < statements; i++) {
            if (depth >= 4 || r.nextInt(4) != 0) {
                sb.append(indent).append(fill(r, pick(r, SIMPLE, where))).append('\n');
                continue;
            }
            String template = pick(r, COMPOUND, where);
            String header = fill(r, template);
            sb.append(indent).append(header.replace("\n", "\n" + indent)).append('\n');
            if (header.startsWith("match")) {
                for (int c = 0; c < 1 + r.nextInt(3); c++) {
                    sb.append(indent).append("    case ").append(pattern(r)).append(":\n");
                    block(r, sb, depth + 2, 1 + r.nextInt(2), where);
                }
                continue;
            }
            int inside = template.contains("async def") ? IN_ASYNC | IN_FUNCTION
                            : template.contains("def ") ? IN_FUNCTION
                                            : template.contains("class ") ? 0 : template.contains("for ") || template.startsWith("while") ? where | IN_LOOP : where;
            block(r, sb, depth + 1, 1 + r.nextInt(3), inside);
            if (header.equals("try:")) {
                int handlers = r.nextInt(3);
                for (int h = 0; h < handlers; h++) {
                    sb.append(indent).append(r.nextBoolean() ? "except:" : fill(r, "except N as N:")).append('\n');
                    block(r, sb, depth + 1, 1 + r.nextInt(2), where);
                }
                if (handlers == 0 || r.nextBoolean()) {
                    sb.append(indent).append("finally:\n");
                    block(r, sb, depth + 1, 1 + r.nextInt(2), where);
                }
            } else if (r.nextInt(4) == 0 && (header.startsWith("if") || header.startsWith("for") || header.startsWith("while"))) {
                sb.append(indent).append("else:\n");
                block(r, sb, depth + 1, 1 + r.nextInt(2), where);
            }
        }
    }

    private static String pattern(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> "_";
            case 1 -> name(r);
            case 2 -> VALID_NUMBERS[r.nextInt(VALID_NUMBERS.length)];
            case 3 -> "[" + name(r) + ", *" + name(r) + "]";
            case 4 -> "{'a': " + name(r) + "}";
            case 5 -> "C(x=" + name(r) + ")";
            case 6 -> VALID_STRINGS[r.nextInt(4)] + " | " + VALID_NUMBERS[r.nextInt(6)];
            default -> "(" + name(r) + ", " + name(r) + ") if " + expr(r, 1);
        };
    }

    /** The template with each {@code N} a name and each {@code E} an expression. */
    private static String fill(Random r, String template) {
        StringBuilder sb = new StringBuilder();
        for (char c : template.toCharArray()) {
            boolean hole = sb.isEmpty() || !Character.isLetterOrDigit(sb.charAt(sb.length() - 1));
            if (c == 'N' && hole) {
                sb.append(name(r));
            } else if (c == 'E' && hole) {
                sb.append(expr(r, r.nextInt(3)));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String name(Random r) {
        return r.nextInt(3) == 0 ? NAMES[r.nextInt(NAMES.length)] : NAMES[r.nextInt(12)];
    }

    private static String expr(Random r, int depth) {
        int choice = depth <= 0 ? r.nextInt(3) : r.nextInt(16);
        return switch (choice) {
            case 0 -> name(r);
            case 1 -> VALID_NUMBERS[r.nextInt(VALID_NUMBERS.length)];
            case 2 -> VALID_STRINGS[r.nextInt(VALID_STRINGS.length)];
            case 3, 4 -> expr(r, depth - 1) + " " + BINARY[r.nextInt(BINARY.length)] + " " + expr(r, depth - 1);
            case 5 -> name(r) + "(" + args(r, depth, true) + ")";
            case 6 -> "(" + expr(r, depth - 1) + ")." + name(r) + "(" + args(r, depth, true) + ")";
            case 7 -> "[" + args(r, depth, false) + "]";
            case 8 -> "(" + expr(r, depth - 1) + ", " + args(r, depth, false) + ")";
            case 9 -> "{" + expr(r, depth - 1) + ": " + expr(r, depth - 1) + "}";
            case 10 -> "(" + expr(r, depth - 1) + ")[" + expr(r, depth - 1) + (r.nextBoolean() ? ":" + expr(r, depth - 1) : "") + "]";
            case 11 -> (r.nextBoolean() ? "not " : "-") + expr(r, depth - 1);
            case 12 -> "(lambda " + name(r) + ": " + expr(r, depth - 1) + ")";
            case 13 -> "{" + expr(r, depth - 1) + ", " + args(r, depth, false) + "}";
            case 14 -> "(" + expr(r, depth - 1) + ")." + name(r);
            default -> name(r) + "(" + args(r, depth, true) + ")";
        };
    }

    // ----- random calls of builtins, methods and asyncio -----------------------------------------

    /** Objects a calls program makes first, {@code o[0]}...: receivers and arguments of the calls. */
    private static final String[] OBJECTS = {"[3, 1, 2]", "{'a': 1, 2: 'b'}", "'a,b c'", "{1, 2}", "(1, 'x')", "asyncio.Queue(2)", "asyncio.Lock()", "asyncio.Event()",
                    "asyncio.Semaphore(1)", "asyncio.Condition()", "loop.create_future()", "asyncio.create_task(asyncio.sleep(0.5, 'r'))", "range(2, 9, 3)", "1.5", "7",
                    "None", "asyncio.LifoQueue()", "asyncio.PriorityQueue()", "asyncio.Barrier(2)", "asyncio.BoundedSemaphore(1)", "iter([1, 2])", "C()", "ValueError('v')",
                    "ExceptionGroup('g', [ValueError(1), TypeError(2)])", "asyncio.timeout(1)", "asyncio.TaskGroup()", "(x for x in 'ab')", "agen()", "coro()",
                    "{}.keys()", "dataclasses.make_dataclass if hasattr(dataclasses, 'make_dataclass') else P(1)", "P(2)", "math.pi", "2**70", "True", "print"};
    private static final String[] FUNCTIONS = {"len", "sorted", "min", "max", "sum", "abs", "round", "divmod", "pow", "int", "float", "str", "repr", "hash", "format",
                    "chr", "ord", "hex", "bin", "oct", "isinstance", "issubclass", "getattr", "setattr", "hasattr", "iter", "next", "list", "tuple", "dict", "set", "enumerate",
                    "zip", "map", "filter", "reversed", "any", "all", "range", "type", "print", "bool", "callable", "id", "super", "object", "math.sqrt", "math.floor",
                    "math.ceil", "math.log", "math.gcd", "math.factorial", "math.isclose", "math.fsum", "math.copysign", "math.isnan", "random.choice", "random.sample",
                    "random.randint", "random.shuffle", "random.uniform", "random.randrange", "random.seed", "time.sleep", "time.monotonic", "asyncio.sleep",
                    "asyncio.gather", "asyncio.wait_for", "asyncio.wait", "asyncio.shield", "asyncio.create_task", "asyncio.ensure_future", "asyncio.timeout",
                    "asyncio.as_completed", "asyncio.Queue", "asyncio.Semaphore", "asyncio.Lock", "asyncio.Event", "asyncio.Condition", "asyncio.Barrier",
                    "asyncio.TaskGroup", "asyncio.to_thread", "asyncio.run", "asyncio.iscoroutine", "asyncio.isfuture", "asyncio.current_task", "asyncio.all_tasks",
                    "asyncio.get_running_loop", "asyncio.timeout_at", "asyncio.wrap_future", "loop.call_soon", "loop.call_later", "loop.call_at", "loop.create_future",
                    "loop.run_in_executor", "loop.time", "loop.create_task", "loop.call_exception_handler", "loop.set_exception_handler", "loop.run_until_complete",
                    "loop.is_running", "loop.stop", "ExceptionGroup", "BaseExceptionGroup", "dataclasses.asdict", "dataclasses.fields", "dataclasses.replace",
                    "dataclasses.is_dataclass", "sys.exit", "C", "P", "coro", "agen", "gen"};
    private static final String[] METHODS = {"append", "pop", "get", "put", "put_nowait", "get_nowait", "set_result", "set_exception", "cancel", "result", "exception",
                    "add_done_callback", "remove_done_callback", "join", "split", "format", "acquire", "release", "wait", "set", "clear", "notify", "notify_all", "update",
                    "items", "index", "count", "insert", "remove", "sort", "setdefault", "startswith", "replace", "center", "done", "cancelled", "get_name", "set_name",
                    "task_done", "qsize", "full", "empty", "locked", "is_set", "wait_for", "extend", "copy", "keys", "values", "discard", "union", "add", "reverse",
                    "strip", "upper", "zfill", "rjust", "partition", "send", "throw", "close", "asend", "athrow", "aclose", "__anext__", "__next__", "__aenter__",
                    "__aexit__", "__enter__", "__exit__", "__len__", "__iter__", "__getitem__", "__eq__", "__repr__", "__str__", "__hash__", "__bool__", "create_task",
                    "reschedule", "when", "expired", "split", "subgroup", "derive", "with_traceback", "add_note", "abort", "reset", "uncancel", "cancelling", "get_coro",
                    "print_stack", "get_stack", "x", "__class__", "__dict__", "args", "maxsize"};
    private static final String[] KEYWORD_NAMES = {"key", "reverse", "timeout", "return_exceptions", "name", "maxsize", "default", "start", "sep", "end", "msg",
                    "return_when", "result", "delay", "k", "step", "base", "ndigits", "strict", "debug", "n"};

    /** A coroutine that makes some objects and calls random functions and methods on them and odd values, each call on its own. */
    private static String randomCalls(Random r) {
        StringBuilder sb = new StringBuilder("""
                        import asyncio, math, random, time, sys, dataclasses
                        class C:
                            x = 1
                        @dataclasses.dataclass
                        class P:
                            x: int = 0
                        async def coro(x=0):
                            await asyncio.sleep(0.01)
                            return x
                        async def agen():
                            yield 1
                        def gen():
                            yield 1
                        async def main():
                            loop = asyncio.get_running_loop()
                            o = []
                        """);
        int objects = 3 + r.nextInt(6);
        for (int i = 0; i < objects; i++) {
            sb.append("    o.append(").append(OBJECTS[r.nextInt(OBJECTS.length)]).append(")\n");
        }
        int calls = 4 + r.nextInt(12);
        for (int i = 0; i < calls; i++) {
            String callee = r.nextBoolean() ? FUNCTIONS[r.nextInt(FUNCTIONS.length)] : "o[" + r.nextInt(objects) + "]." + METHODS[r.nextInt(METHODS.length)];
            StringBuilder args = new StringBuilder();
            int n = r.nextInt(4);
            for (int a = 0; a < n; a++) {
                args.append(a > 0 ? ", " : "").append(callArgument(r, objects));
            }
            if (r.nextInt(4) == 0) {
                args.append(n > 0 ? ", " : "").append(KEYWORD_NAMES[r.nextInt(KEYWORD_NAMES.length)]).append('=').append(callArgument(r, objects));
            }
            sb.append("    try:\n        r = ").append(callee).append('(').append(args).append(")\n");
            sb.append("        if asyncio.iscoroutine(r) or asyncio.isfuture(r):\n            r = await asyncio.wait_for(r, 2)\n");
            sb.append("        print(").append(i).append(", repr(r)[:60])\n");
            sb.append("    except Exception as e:\n        print(").append(i).append(", type(e).__name__, e)\n");
        }
        sb.append(r.nextInt(5) == 0 ? "    await asyncio.sleep(1)\n" : "").append("asyncio.run(main())\n");
        return sb.toString();
    }

    private static String callArgument(Random r, int objects) {
        return switch (r.nextInt(4)) {
            case 0 -> "o[" + r.nextInt(objects) + "]";
            case 1 -> VALID_NUMBERS[r.nextInt(VALID_NUMBERS.length)];
            case 2 -> VALID_STRINGS[r.nextInt(VALID_STRINGS.length)];
            default -> ODD_VALUES[r.nextInt(ODD_VALUES.length)];
        };
    }

    private static String args(Random r, int depth, boolean keywords) {
        int n = r.nextInt(4);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? ", " : "").append(r.nextInt(6) == 0 ? "*" : "").append(expr(r, depth - 1));
        }
        if (keywords && r.nextInt(4) == 0) {
            sb.append(n > 0 ? ", " : "").append(name(r)).append('=').append(expr(r, depth - 1));
        }
        return sb.toString();
    }
}
