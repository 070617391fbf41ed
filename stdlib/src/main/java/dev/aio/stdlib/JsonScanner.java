package dev.aio.stdlib;

import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.runtime.AioException;
import dev.aio.runtime.Calls;
import dev.aio.runtime.IntDigitLimit;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyTuple;

/**
 * {@code json.JSONDecoder}'s parser, as CPython's {@code _json.c} scanner: the same values, the
 * same hooks, the same error messages and positions (counted in characters, as Python counts
 * them). Errors are raised as {@code errorClass(msg, doc, pos)}: json's JSONDecodeError.
 */
final class JsonScanner {
    /** The hooks of a {@code JSONDecoder}; each is {@code null} when not given. */
    record Hooks(Object objectHook, Object objectPairsHook, Object parseFloat, Object parseInt, Object parseConstant, boolean strict,
                    Object errorClass) {
    }

    private final String doc;
    private final int[] cps;
    private final Hooks hooks;

    private JsonScanner(String doc, Hooks hooks) {
        this.doc = doc;
        this.cps = doc.codePoints().toArray();
        this.hooks = hooks;
    }

    /** {@code json.loads}: one value, surrounded by nothing but whitespace. */
    @TruffleBoundary
    static Object decode(String doc, Hooks hooks) {
        JsonScanner scanner = new JsonScanner(doc, hooks);
        int start = scanner.skipWhitespace(0);
        Object[] result = scanner.value(start);
        int end = scanner.skipWhitespace((int) result[1]);
        if (end != scanner.cps.length) {
            throw scanner.error("Extra data", end);
        }
        return result[0];
    }

    /** {@code JSONDecoder.raw_decode}: the value that starts at {@code idx} and the index just after it. */
    @TruffleBoundary
    static PyTuple rawDecode(String doc, int idx, Hooks hooks) {
        JsonScanner scanner = new JsonScanner(doc, hooks);
        Object[] result = scanner.value(idx);
        return new PyTuple(new Object[]{result[0], (long) (int) result[1]});
    }

    private AioException error(String msg, int pos) {
        Object e = Calls.call(hooks.errorClass(), msg, doc, (long) pos);
        return new AioException((PyBaseException) e, null);
    }

    private int skipWhitespace(int i) {
        while (i < cps.length && (cps[i] == ' ' || cps[i] == '\t' || cps[i] == '\n' || cps[i] == '\r')) {
            i++;
        }
        return i;
    }

    private boolean startsWith(int i, String word) {
        if (i + word.length() > cps.length) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (cps[i + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** {value, index after it}; "Expecting value" when no value starts at {@code i}. */
    private Object[] value(int i) {
        if (i >= cps.length) {
            throw error("Expecting value", i);
        }
        int c = cps[i];
        switch (c) {
            case '"':
                return string(i + 1);
            case '{':
                return object(i + 1);
            case '[':
                return array(i + 1);
            case 'n':
                if (startsWith(i, "null")) {
                    return new Object[]{PyNone.NONE, i + 4};
                }
                break;
            case 't':
                if (startsWith(i, "true")) {
                    return new Object[]{true, i + 4};
                }
                break;
            case 'f':
                if (startsWith(i, "false")) {
                    return new Object[]{false, i + 5};
                }
                break;
            case 'N':
                if (startsWith(i, "NaN")) {
                    return new Object[]{constant("NaN", Double.NaN), i + 3};
                }
                break;
            case 'I':
                if (startsWith(i, "Infinity")) {
                    return new Object[]{constant("Infinity", Double.POSITIVE_INFINITY), i + 8};
                }
                break;
            case '-':
                if (startsWith(i, "-Infinity")) {
                    return new Object[]{constant("-Infinity", Double.NEGATIVE_INFINITY), i + 9};
                }
                break;
            default:
                break;
        }
        Object[] number = number(i);
        if (number == null) {
            throw error("Expecting value", i);
        }
        return number;
    }

    private Object constant(String name, double value) {
        return hooks.parseConstant() == null ? (Object) value : Calls.call(hooks.parseConstant(), name);
    }

    /** {@code -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?}, or {@code null}. */
    private Object[] number(int start) {
        int i = start;
        if (i < cps.length && cps[i] == '-') {
            i++;
        }
        if (i >= cps.length || !isDigit(cps[i])) {
            return null;
        }
        if (cps[i] == '0') {
            i++;
        } else {
            while (i < cps.length && isDigit(cps[i])) {
                i++;
            }
        }
        boolean isFloat = false;
        if (i + 1 < cps.length && cps[i] == '.' && isDigit(cps[i + 1])) {
            isFloat = true;
            i += 2;
            while (i < cps.length && isDigit(cps[i])) {
                i++;
            }
        }
        if (i < cps.length && (cps[i] == 'e' || cps[i] == 'E')) {
            int j = i + 1;
            if (j < cps.length && (cps[j] == '-' || cps[j] == '+')) {
                j++;
            }
            if (j < cps.length && isDigit(cps[j])) {
                isFloat = true;
                i = j;
                while (i < cps.length && isDigit(cps[i])) {
                    i++;
                }
            }
        }
        String text = new String(cps, start, i - start);
        Object value;
        if (isFloat) {
            value = hooks.parseFloat() == null ? (Object) Double.parseDouble(text) : Calls.call(hooks.parseFloat(), text);
        } else {
            if (hooks.parseInt() == null) {
                // CPython's scanner converts with int(), under the digit limit.
                IntDigitLimit.checkParse(text.length() - (text.startsWith("-") ? 1 : 0));
                value = Numbers.normalize(new BigInteger(text));
            } else {
                value = Calls.call(hooks.parseInt(), text);
            }
        }
        return new Object[]{value, i};
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** The string whose opening quote is just before {@code i}. */
    private Object[] string(int i) {
        int begin = i - 1;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (i >= cps.length) {
                throw error("Unterminated string starting at", begin);
            }
            int c = cps[i];
            if (c == '"') {
                return new Object[]{sb.toString(), i + 1};
            }
            if (c == '\\') {
                i = escape(i, sb, begin);
                continue;
            }
            if (c < 0x20 && hooks.strict()) {
                throw error("Invalid control character at", i);
            }
            sb.appendCodePoint(c);
            i++;
        }
    }

    /** The escape sequence at {@code i} (its backslash) appended to {@code sb}; the index after it. */
    private int escape(int i, StringBuilder sb, int begin) {
        if (i + 1 >= cps.length) {
            throw error("Unterminated string starting at", begin);
        }
        int c = cps[i + 1];
        switch (c) {
            case '"', '\\', '/' -> sb.appendCodePoint(c);
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
                int unit = hex4(i + 2, i + 1);
                int next = i + 6;
                if (Character.isHighSurrogate((char) unit) && next + 1 < cps.length && cps[next] == '\\' && cps[next + 1] == 'u') {
                    int low = hex4(next + 2, next + 1);
                    if (Character.isLowSurrogate((char) low)) {
                        sb.appendCodePoint(Character.toCodePoint((char) unit, (char) low));
                        return next + 6;
                    }
                }
                sb.append((char) unit);
                return next;
            }
            default -> throw error("Invalid \\escape", i);
        }
        return i + 2;
    }

    private int hex4(int i, int errorPos) {
        if (i + 4 > cps.length) {
            throw error("Invalid \\uXXXX escape", errorPos);
        }
        int v = 0;
        for (int k = i; k < i + 4; k++) {
            int d = Character.digit(cps[k], 16);
            if (d < 0 || cps[k] > 0x7f) {
                throw error("Invalid \\uXXXX escape", errorPos);
            }
            v = v * 16 + d;
        }
        return v;
    }

    private Object[] object(int i) {
        PyList pairs = hooks.objectPairsHook() != null ? new PyList() : null;
        PyDict dict = pairs == null ? new PyDict() : null;
        i = skipWhitespace(i);
        if (i < cps.length && cps[i] == '}') {
            return new Object[]{finishObject(dict, pairs), i + 1};
        }
        while (true) {
            if (i >= cps.length || cps[i] != '"') {
                throw error("Expecting property name enclosed in double quotes", i);
            }
            Object[] key = string(i + 1);
            i = skipWhitespace((int) key[1]);
            if (i >= cps.length || cps[i] != ':') {
                throw error("Expecting ':' delimiter", i);
            }
            i = skipWhitespace(i + 1);
            Object[] value = value(i);
            if (pairs != null) {
                pairs.append(new PyTuple(new Object[]{key[0], value[0]}));
            } else {
                dict.put(key[0], value[0]);
            }
            i = skipWhitespace((int) value[1]);
            if (i < cps.length && cps[i] == '}') {
                return new Object[]{finishObject(dict, pairs), i + 1};
            }
            if (i >= cps.length || cps[i] != ',') {
                throw error("Expecting ',' delimiter", i);
            }
            i = skipWhitespace(i + 1);
        }
    }

    private Object finishObject(PyDict dict, PyList pairs) {
        if (pairs != null) {
            return Calls.call(hooks.objectPairsHook(), pairs);
        }
        return hooks.objectHook() != null ? Calls.call(hooks.objectHook(), dict) : dict;
    }

    private Object[] array(int i) {
        PyList list = new PyList();
        i = skipWhitespace(i);
        if (i < cps.length && cps[i] == ']') {
            return new Object[]{list, i + 1};
        }
        while (true) {
            Object[] value = value(i);
            list.append(value[0]);
            i = skipWhitespace((int) value[1]);
            if (i < cps.length && cps[i] == ']') {
                return new Object[]{list, i + 1};
            }
            if (i >= cps.length || cps[i] != ',') {
                throw error("Expecting ',' delimiter", i);
            }
            i = skipWhitespace(i + 1);
        }
    }
}
