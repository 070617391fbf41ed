package dev.aio.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.aio.ast.Expr;
import dev.aio.ast.Stmt;
import dev.aio.parser.AioParser;

/**
 * repr() and format() of floats, ints and strings against vectors CPython 3.11 produced
 * ({@code make_vectors.py} writes {@code vectors.tsv}).
 */
class FormattingTest {
    @TestFactory
    Stream<DynamicTest> matchesCPython() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(FormattingTest.class.getResourceAsStream("/format/vectors.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t", -1);
                String kind = unescape(f[0]);
                String value = unescape(f[1]);
                String spec = unescape(f[2]);
                String expected = unescape(f[3]);
                tests.add(DynamicTest.dynamicTest(kind + " " + value + " " + spec, () -> assertEquals(expected, render(kind, value, spec))));
            }
        }
        return tests.stream();
    }

    private static String render(String kind, String value, String spec) {
        boolean repr = spec.equals("<repr>");
        switch (kind) {
            case "float" -> {
                double d = switch (value) {
                    case "inf" -> Double.POSITIVE_INFINITY;
                    case "-inf" -> Double.NEGATIVE_INFINITY;
                    case "nan" -> Double.NaN;
                    default -> Double.parseDouble(value);
                };
                return repr ? FloatFormat.repr(d) : FloatFormat.format(d, FormatSpec.parse(spec));
            }
            case "int" -> {
                return IntFormat.format(new BigInteger(value), FormatSpec.parse(spec));
            }
            default -> {
                String s = (String) ((Expr.Constant) ((Stmt.ExprStmt) AioParser.parse(value + "\n", "<vector>").body().get(0)).value()).value();
                return repr ? StringRepr.repr(s) : TextFormat.format(s, FormatSpec.parse(spec));
            }
        }
    }

    /** Python's unicode_escape: backslash escapes for non-ASCII and control characters. */
    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 't' -> sb.append('\t');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case '\\' -> sb.append('\\');
                case 'x' -> {
                    sb.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    sb.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'U' -> {
                    sb.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 9), 16));
                    i += 8;
                }
                default -> sb.append('\\').append(e);
            }
        }
        return sb.toString();
    }
}
