package dev.aio.parser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.aio.ast.Expr;
import dev.aio.ast.Module;
import dev.aio.ast.Stmt;
import dev.aio.runtime.PyBytes;

/** Bytes literals: prefixes, escapes and concatenation decode as python3 3.11 decodes them. */
class BytesLiteralTest {

    private static byte[] bytesOf(String source) {
        Module m = AioParser.parse(source + "\n", "<test>");
        Expr value = ((Stmt.ExprStmt) m.body().get(0)).value();
        Expr.Constant c = assertInstanceOf(Expr.Constant.class, value);
        return assertInstanceOf(PyBytes.class, c.value()).toArray();
    }

    /** Each literal against the bytes python3 3.11 makes of it, in hex ({@code bytes.hex()}). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "b'abc'                      | 616263",
        "B\"abc\"                    | 616263",
        "b'''a\"b'''                 | 612262",
        "rb'\\n'                     | 5c6e",
        "bR'\\x41'                   | 5c783431",
        "Rb\"\\\\\"                  | 5c5c",
        "BR'x'                       | 78",
        "b'\\x41\\x7a'               | 417a",
        "b'\\101\\0'                 | 4100",
        "b'\\777'                    | ff",
        "b'\\xff\\xFE'               | fffe",
        "b'\\a\\b\\f\\v'             | 07080c0b",
        "b'\\n\\r\\t'                | 0a0d09",
        "b'\\u1234'                  | 5c7531323334",
        "b'\\N{DASH}'                | 5c4e7b444153487d",
        "b'\\q'                      | 5c71",
        "b'\\''                      | 27",
        "b'a' b'b' B'c'              | 616263",
        "b'\\x41' rb'\\x41'          | 415c783431",
    })
    void decodesLikeCPython(String literal, String hex) {
        assertArrayEquals(HexFormat.of().parseHex(hex), bytesOf(literal.strip()));
    }

    @Test
    void emptyLiteralsMakeEmptyBytes() {
        assertArrayEquals(new byte[0], bytesOf("b''"));
        assertArrayEquals(new byte[0], bytesOf("b'' b\"\""));
    }

    @Test
    void backslashNewlineContinuesTheLiteral() {
        assertArrayEquals(new byte[]{'a', 'b'}, bytesOf("b'a\\\nb'"));
    }

    /** Messages and 1-based columns are python3 3.11's for the same lines. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "y = b\"a\u00e9\"     |bytes can only contain ASCII literal characters|1|5",
        "y = \"a\" b\"b\"     |cannot mix bytes and nonbytes literals|1|13",
        "y = b\"a\" \"b\"     |cannot mix bytes and nonbytes literals|1|13",
        "y = b\"a\" f\"b\"    |cannot mix bytes and nonbytes literals|1|14",
        "print(b\"\\x4\")     |(value error) invalid \\x escape at position 0|1|13",
        "print(b\"ab\\xg0\")  |(value error) invalid \\x escape at position 2|1|16",
    })
    void malformedBytesLiteralsAreReportedLikeCPython(String source, String message, int line, int column) {
        AioSyntaxError e = assertThrows(AioSyntaxError.class, () -> AioParser.parse(source.strip() + "\n", "se.py"));
        assertEquals("SyntaxError", e.kind());
        assertEquals(message, e.message());
        assertEquals(line, e.line());
        assertEquals(column, e.column());
    }
}
