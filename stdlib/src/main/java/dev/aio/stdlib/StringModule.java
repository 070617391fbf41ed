package dev.aio.stdlib;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyIterator;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;

/**
 * {@code _string}, the accelerator of CPython's {@code string.Formatter}: it splits a format
 * string into literal text and replacement fields, and a field name into its first part and the
 * attribute and index lookups after it, exactly as {@code str.format} reads them (CPython's
 * Objects/stringlib/unicode_format.h).
 */
public final class StringModule {
    private StringModule() {
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("_string");
        m.defineFunctions(context.getLanguage(), StringModuleFactory.getFactories());
        return m;
    }

    private static String string(Object o) {
        if (o instanceof String s) {
            return s;
        }
        throw PyErrors.typeError("descriptor 'formatter_parser' for 'str' objects doesn't apply to a '" + PyOps.typeName(o) + "' object");
    }

    /** {@code formatter_parser(s)}: an iterator of (literal_text, field_name, format_spec, conversion). */
    @Builtin(name = "formatter_parser", params = {"s"})
    @GenerateNodeFactory
    abstract static class FormatterParserNode extends BuiltinNode {
        @Specialization
        static Object doParse(Object s) {
            return new MarkupIterator(string(s));
        }
    }

    /**
     * The pieces of a format string, one each {@code next()}: literal text up to the next
     * replacement field (an escaped brace ends a piece that has no field), then that field.
     */
    static final class MarkupIterator extends PyIterator {
        private final String s;
        private int pos;

        MarkupIterator(String s) {
            this.s = s;
        }

        @Override
        @TruffleBoundary
        public Object next() {
            if (pos >= s.length()) {
                return null;
            }
            int start = pos;
            char c = 0;
            boolean markupFollows = false;
            while (pos < s.length()) {
                c = s.charAt(pos++);
                if (c == '{' || c == '}') {
                    markupFollows = true;
                    break;
                }
            }
            boolean atEnd = pos >= s.length();
            int length = pos - start;
            if (c == '}' && markupFollows && (atEnd || s.charAt(pos) != '}')) {
                throw PyErrors.valueError("Single '}' encountered in format string");
            }
            if (atEnd && c == '{' && markupFollows) {
                throw PyErrors.valueError("Single '{' encountered in format string");
            }
            if (!atEnd && markupFollows) {
                if (s.charAt(pos) == c) {
                    pos++;
                    markupFollows = false;
                } else {
                    length--;
                }
            }
            String literal = s.substring(start, start + length);
            if (!markupFollows) {
                return new PyTuple(new Object[]{literal, PyNone.NONE, PyNone.NONE, PyNone.NONE});
            }
            return field(literal);
        }

        /** The replacement field after the '{' just read, up to its matching '}'. */
        private PyTuple field(String literal) {
            int nameStart = pos;
            char c = 0;
            while (pos < s.length()) {
                c = s.charAt(pos++);
                if (c == '{') {
                    throw PyErrors.valueError("unexpected '{' in field name");
                }
                if (c == '[') {
                    while (pos < s.length() && s.charAt(pos) != ']') {
                        pos++;
                    }
                    continue;
                }
                if (c == '}' || c == ':' || c == '!') {
                    break;
                }
            }
            String name = s.substring(nameStart, Math.max(nameStart, pos - 1));
            Object conversion = PyNone.NONE;
            if (c == '!' || c == ':') {
                if (c == '!') {
                    if (pos >= s.length()) {
                        throw PyErrors.valueError("end of string while looking for conversion specifier");
                    }
                    conversion = String.valueOf(s.charAt(pos++));
                    if (pos < s.length()) {
                        char next = s.charAt(pos++);
                        if (next == '}') {
                            return new PyTuple(new Object[]{literal, name, "", conversion});
                        }
                        if (next != ':') {
                            throw PyErrors.valueError("expected ':' after conversion specifier");
                        }
                    }
                }
                int specStart = pos;
                int count = 1;
                while (pos < s.length()) {
                    char d = s.charAt(pos++);
                    if (d == '{') {
                        count++;
                    } else if (d == '}' && --count == 0) {
                        return new PyTuple(new Object[]{literal, name, s.substring(specStart, pos - 1), conversion});
                    }
                }
                throw PyErrors.valueError("unmatched '{' in format spec");
            }
            if (c != '}') {
                throw PyErrors.valueError("expected '}' before end of string");
            }
            return new PyTuple(new Object[]{literal, name, "", conversion});
        }
    }

    /** {@code formatter_field_name_split(name)}: (first, iterator of (is_attribute, key)); numbers become ints. */
    @Builtin(name = "formatter_field_name_split", params = {"name"})
    @GenerateNodeFactory
    abstract static class FieldNameSplitNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doSplit(Object field) {
            String s = string(field);
            int i = 0;
            while (i < s.length() && s.charAt(i) != '.' && s.charAt(i) != '[') {
                i++;
            }
            Object first = integerOrString(s.substring(0, i));
            List<Object> rest = new ArrayList<>();
            while (i < s.length()) {
                char c = s.charAt(i++);
                boolean attribute;
                String key;
                if (c == '.') {
                    attribute = true;
                    int start = i;
                    while (i < s.length() && s.charAt(i) != '.' && s.charAt(i) != '[') {
                        i++;
                    }
                    key = s.substring(start, i);
                } else if (c == '[') {
                    attribute = false;
                    int close = s.indexOf(']', i);
                    if (close < 0) {
                        throw PyErrors.valueError("Missing ']' in format string");
                    }
                    key = s.substring(i, close);
                    i = close + 1;
                } else {
                    throw PyErrors.valueError("Only '.' or '[' may follow ']' in format field specifier");
                }
                if (key.isEmpty()) {
                    throw PyErrors.valueError("Empty attribute in format string");
                }
                rest.add(new PyTuple(new Object[]{attribute, attribute ? key : integerOrString(key)}));
            }
            return new PyTuple(new Object[]{first, new PyIterator.ArrayIterator(rest.toArray())});
        }

        private static Object integerOrString(String s) {
            if (s.isEmpty() || !s.chars().allMatch(ch -> Character.digit(ch, 10) >= 0)) {
                return s;
            }
            long n = 0;
            for (int k = 0; k < s.length(); k++) {
                int digit = Character.digit(s.charAt(k), 10);
                if (n > (Long.MAX_VALUE - digit) / 10) {
                    throw PyErrors.valueError("Too many decimal digits in format string");
                }
                n = n * 10 + digit;
            }
            return n;
        }
    }
}
