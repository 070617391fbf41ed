package dev.aio.stdlib;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.runtime.Calls;
import dev.aio.runtime.Foreign;
import dev.aio.runtime.IntDigitLimit;
import dev.aio.runtime.Missing;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyValueInstance;
import dev.aio.runtime.format.FloatFormat;

/** {@code json.JSONEncoder.encode}'s work, as CPython's {@code json/encoder.py} and {@code _json.c} do it. */
final class JsonEncoder {
    /** The options of a {@code JSONEncoder}; {@code indent} is null or the indentation string of one level. */
    record Options(String indent, String itemSeparator, String keySeparator, boolean sortKeys, boolean ensureAscii, boolean allowNan,
                    boolean skipKeys, boolean checkCircular, Object defaultFunction) {
    }

    private final Options options;
    private final StringBuilder out = new StringBuilder();
    private final IdentityHashMap<Object, Boolean> markers = new IdentityHashMap<>();

    private JsonEncoder(Options options) {
        this.options = options;
    }

    @TruffleBoundary
    static String encode(Object value, Options options) {
        JsonEncoder encoder = new JsonEncoder(options);
        encoder.value(value, 0);
        return encoder.out.toString();
    }

    private void value(Object o, int level) {
        if (o instanceof PyValueInstance v) {
            // As CPython's encoder: an instance of a subclass of str, int or float is written as its value.
            value(v.value(), level);
            return;
        }
        if (o instanceof String s) {
            string(s);
        } else if (o == PyNone.NONE) {
            out.append("null");
        } else if (o instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (o instanceof Long) {
            out.append(o);
        } else if (o instanceof BigInteger b) {
            out.append(IntDigitLimit.toDecimal(b));
        } else if (o instanceof Double d) {
            out.append(floatText(d));
        } else if (o instanceof PyList l) {
            array(o, l.toArray(), level);
        } else if (o instanceof PyTuple t) {
            array(o, t.items(), level);
        } else if (o instanceof PyDict d) {
            object(d, level);
        } else if (Foreign.is(o) && Foreign.hasArrayElements(o)) {
            // A Java list or array is a JSON array, a Java map an object, as the list and dict they stand for.
            array(o, Foreign.toList(o).toArray(), level);
        } else if (Foreign.is(o) && Foreign.hasHashEntries(o)) {
            object(Foreign.toDict(o), level);
        } else {
            enter(o);
            Object replacement = Calls.call(options.defaultFunction(), o);
            value(replacement, level);
            leave(o);
        }
    }

    private void enter(Object o) {
        if (options.checkCircular() && markers.put(o, Boolean.TRUE) != null) {
            throw PyErrors.valueError("Circular reference detected");
        }
    }

    private void leave(Object o) {
        if (options.checkCircular()) {
            markers.remove(o);
        }
    }

    private String floatText(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            if (!options.allowNan()) {
                throw PyErrors.valueError("Out of range float values are not JSON compliant");
            }
            return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
        }
        return FloatFormat.repr(d);
    }

    /** A newline and the indentation of {@code level}, or nothing without indent. */
    private void newline(int level) {
        if (options.indent() != null) {
            out.append('\n');
            out.append(options.indent().repeat(level));
        }
    }

    private void array(Object container, Object[] items, int level) {
        if (items.length == 0) {
            out.append("[]");
            return;
        }
        enter(container);
        out.append('[');
        newline(level + 1);
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                out.append(options.itemSeparator());
                newline(level + 1);
            }
            value(items[i], level + 1);
        }
        newline(level);
        out.append(']');
        leave(container);
    }

    private void object(PyDict d, int level) {
        if (d.size() == 0) {
            out.append("{}");
            return;
        }
        enter(d);
        List<Object[]> items = new ArrayList<>();
        for (PyDict.Entry e : d.entries()) {
            items.add(new Object[]{e.key, e.value});
        }
        if (options.sortKeys()) {
            PyList keys = new PyList();
            for (Object[] item : items) {
                keys.append(new PyTuple(item));
            }
            Sorting.sort(keys, Missing.INSTANCE, Missing.INSTANCE);
            items.clear();
            for (Object t : keys.items()) {
                items.add(((PyTuple) t).items());
            }
        }
        out.append('{');
        newline(level + 1);
        boolean first = true;
        for (Object[] item : items) {
            String key = keyText(item[0]);
            if (key == null) {
                continue;
            }
            if (!first) {
                out.append(options.itemSeparator());
                newline(level + 1);
            }
            first = false;
            string(key);
            out.append(options.keySeparator());
            value(item[1], level + 1);
        }
        newline(level);
        out.append('}');
        leave(d);
    }

    /** A dict key as JSON names it (a string); {@code null} for a key to skip. */
    private String keyText(Object key) {
        if (key instanceof PyValueInstance v) {
            return keyText(v.value());
        }
        if (key instanceof String s) {
            return s;
        }
        if (key instanceof Double d) {
            return floatText(d);
        }
        if (key instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (key == PyNone.NONE) {
            return "null";
        }
        if (key instanceof Long) {
            return key.toString();
        }
        if (key instanceof BigInteger b) {
            return IntDigitLimit.toDecimal(b);
        }
        if (options.skipKeys()) {
            return null;
        }
        throw PyErrors.typeError("keys must be str, int, float, bool or None, not " + PyOps.typeName(key));
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || options.ensureAscii() && c > 0x7e) {
                        // Java chars are UTF-16 units, so characters beyond the BMP come out as
                        // surrogate pairs, as CPython writes them.
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
