package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/** {@code str.format}: replacement fields {@code {name!conv:spec}} with auto or manual numbering, attributes and indexes. */
public final class StrFormat {
    private StrFormat() {
    }

    private static final class State {
        int autoIndex;
        boolean usedAuto;
        boolean usedManual;
    }

    @TruffleBoundary
    public static String format(String template, PyTuple args, PyDict kwargs) {
        return expand(template, args, kwargs, new State(), 2);
    }

    private static String expand(String t, PyTuple args, PyDict kwargs, State state, int depth) {
        if (depth < 0) {
            throw PyErrors.valueError("Max string recursion exceeded");
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '{') {
                if (i + 1 < t.length() && t.charAt(i + 1) == '{') {
                    out.append('{');
                    i += 2;
                    continue;
                }
                int end = matchingBrace(t, i);
                out.append(field(t.substring(i + 1, end), args, kwargs, state, depth));
                i = end + 1;
            } else if (c == '}') {
                if (i + 1 < t.length() && t.charAt(i + 1) == '}') {
                    out.append('}');
                    i += 2;
                    continue;
                }
                throw PyErrors.valueError("Single '}' encountered in format string");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int matchingBrace(String t, int open) {
        int depth = 0;
        for (int i = open; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        throw PyErrors.valueError(depth > 1 ? "unmatched '{' in format spec" : "Single '{' encountered in format string");
    }

    private static String field(String body, PyTuple args, PyDict kwargs, State state, int depth) {
        int colon = -1;
        int bang = -1;
        int bracket = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '[') {
                bracket++;
            } else if (c == ']') {
                bracket--;
            } else if (bracket == 0 && c == '!' && bang < 0 && colon < 0) {
                bang = i;
            } else if (bracket == 0 && c == ':' && colon < 0) {
                colon = i;
                break;
            }
        }
        int nameEnd = bang >= 0 ? bang : colon >= 0 ? colon : body.length();
        String name = body.substring(0, nameEnd);
        char conversion = 0;
        if (bang >= 0) {
            int convEnd = colon >= 0 ? colon : body.length();
            if (convEnd - bang != 2) {
                throw PyErrors.valueError("expected ':' after conversion specifier");
            }
            conversion = body.charAt(bang + 1);
        }
        String spec = colon >= 0 ? expand(body.substring(colon + 1), args, kwargs, state, depth - 1) : "";
        Object value = lookup(name, args, kwargs, state);
        switch (conversion) {
            case 0 -> {
            }
            case 'r' -> value = PyOps.repr(value);
            case 's' -> value = PyOps.str(value);
            case 'a' -> value = Formatting.ascii(PyOps.repr(value));
            default -> throw PyErrors.valueError("Unknown conversion specifier " + conversion);
        }
        return Formatting.format(value, spec);
    }

    private static Object lookup(String name, PyTuple args, PyDict kwargs, State state) {
        int i = 0;
        while (i < name.length() && name.charAt(i) != '.' && name.charAt(i) != '[') {
            i++;
        }
        String first = name.substring(0, i);
        Object value;
        if (first.isEmpty()) {
            if (state.usedManual) {
                throw PyErrors.valueError("cannot switch from manual field specification to automatic field numbering");
            }
            state.usedAuto = true;
            value = positional(args, state.autoIndex++);
        } else if (first.chars().allMatch(Character::isDigit)) {
            if (state.usedAuto) {
                throw PyErrors.valueError("cannot switch from automatic field numbering to manual field specification");
            }
            state.usedManual = true;
            value = positional(args, Integer.parseInt(first));
        } else {
            value = kwargs.getPyType() == BuiltinTypes.DICT ? kwargs.get(first) : Subscripts.getItem(kwargs, first);
            if (value == null) {
                throw PyErrors.keyError(first);
            }
        }
        while (i < name.length()) {
            if (name.charAt(i) == '.') {
                int j = i + 1;
                while (j < name.length() && name.charAt(j) != '.' && name.charAt(j) != '[') {
                    j++;
                }
                value = Attributes.get(value, name.substring(i + 1, j));
                i = j;
            } else {
                int close = name.indexOf(']', i);
                if (close < 0) {
                    throw PyErrors.valueError("Missing ']' in format string");
                }
                String key = name.substring(i + 1, close);
                Object k = key.chars().allMatch(Character::isDigit) && !key.isEmpty() ? (Object) Long.parseLong(key) : key;
                value = Subscripts.getItem(value, k);
                i = close + 1;
            }
        }
        return value;
    }

    private static Object positional(PyTuple args, int index) {
        if (index >= args.size()) {
            throw PyErrors.indexError("Replacement index " + index + " out of range for positional args tuple");
        }
        return args.get(index);
    }
}
