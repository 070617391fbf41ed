package dev.aio.runtime;

import java.util.Arrays;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * Binds the arguments of a call to a callable's parameter slots, with Python's rules and error
 * messages. The slow path of every call that is not a plain positional call of a matching arity.
 */
public final class ArgumentBinder {
    private ArgumentBinder() {
    }

    /**
     * @param defaults values for the last {@code defaults.length} positional parameters
     * @param kwDefaults values of keyword-only parameters that have one
     * @param requiredPositional how many leading positional parameters without a default must be
     *            given (TypeError otherwise); the ones after it get {@link Missing#INSTANCE} (a
     *            builtin's optional tail)
     * @param kwNames names of keyword arguments, or {@code null}
     */
    @TruffleBoundary
    public static Object[] bind(String funcName, Signature sig, Object[] defaults, Map<String, Object> kwDefaults, int requiredPositional,
                    Object[] positional, String[] kwNames, Object[] kwValues) {
        String[] params = sig.positional();
        Object[] slots = new Object[sig.slotCount()];
        int n = positional.length;
        if (n > params.length) {
            if (!sig.hasVarargs()) {
                throw tooManyPositional(funcName, sig, defaults, requiredPositional, n);
            }
            Object[] extra = new Object[n - params.length];
            System.arraycopy(positional, params.length, extra, 0, extra.length);
            slots[sig.varargsSlot()] = new PyTuple(extra);
            System.arraycopy(positional, 0, slots, 0, params.length);
        } else {
            System.arraycopy(positional, 0, slots, 0, n);
            if (sig.hasVarargs()) {
                slots[sig.varargsSlot()] = PyTuple.EMPTY;
            }
        }
        PyDict kwargs = sig.hasKwargs() ? new PyDict() : null;
        if (kwNames != null) {
            String[] kwOnly = sig.kwOnly();
            for (int k = 0; k < kwNames.length; k++) {
                String name = kwNames[k];
                int slot = -1;
                for (int i = sig.posOnlyCount(); i < params.length; i++) {
                    if (params[i].equals(name)) {
                        slot = i;
                        break;
                    }
                }
                if (slot < 0) {
                    for (int i = 0; i < kwOnly.length; i++) {
                        if (kwOnly[i].equals(name)) {
                            slot = sig.kwOnlySlot(i);
                            break;
                        }
                    }
                }
                if (slot < 0) {
                    if (kwargs != null) {
                        kwargs.put(name, kwValues[k]);
                        continue;
                    }
                    for (int i = 0; i < sig.posOnlyCount(); i++) {
                        if (params[i].equals(name)) {
                            throw PyErrors.typeError(funcName + "() got some positional-only arguments passed as keyword arguments: '" + name + "'");
                        }
                    }
                    throw PyErrors.typeError(funcName + "() got an unexpected keyword argument '" + name + "'");
                }
                if (slots[slot] != null) {
                    throw PyErrors.typeError(funcName + "() got multiple values for argument '" + name + "'");
                }
                slots[slot] = kwValues[k];
            }
        }
        if (kwargs != null) {
            slots[sig.kwargsSlot()] = kwargs;
        }
        fillPositionalDefaults(funcName, sig, defaults, requiredPositional, slots);
        fillKeywordOnly(funcName, sig, kwDefaults, slots);
        return slots;
    }

    private static void fillPositionalDefaults(String funcName, Signature sig, Object[] defaults, int requiredPositional, Object[] slots) {
        String[] params = sig.positional();
        int firstDefault = params.length - (defaults == null ? 0 : defaults.length);
        StringBuilder missing = null;
        int missingCount = 0;
        for (int i = 0; i < params.length; i++) {
            if (slots[i] != null) {
                continue;
            }
            if (defaults != null && i >= firstDefault) {
                slots[i] = defaults[i - firstDefault];
            } else if (i >= requiredPositional) {
                slots[i] = Missing.INSTANCE;
            } else {
                missingCount++;
                missing = appendName(missing, params[i]);
            }
        }
        if (missingCount > 0) {
            throw missingArguments(funcName, "positional", missingCount, missing);
        }
    }

    private static void fillKeywordOnly(String funcName, Signature sig, Map<String, Object> kwDefaults, Object[] slots) {
        String[] kwOnly = sig.kwOnly();
        StringBuilder missing = null;
        int missingCount = 0;
        for (int i = 0; i < kwOnly.length; i++) {
            int slot = sig.kwOnlySlot(i);
            if (slots[slot] != null) {
                continue;
            }
            Object d = kwDefaults == null ? null : kwDefaults.get(kwOnly[i]);
            if (d != null) {
                slots[slot] = d;
            } else if (kwDefaults == null) {
                slots[slot] = Missing.INSTANCE;
            } else {
                missingCount++;
                missing = appendName(missing, kwOnly[i]);
            }
        }
        if (missingCount > 0) {
            throw missingArguments(funcName, "keyword-only", missingCount, missing);
        }
    }

    private static StringBuilder appendName(StringBuilder names, String name) {
        if (names == null) {
            names = new StringBuilder();
        }
        names.append('\u0000').append('\'').append(name).append('\'');
        return names;
    }

    /** Python's list: {@code 'a'}, {@code 'a' and 'b'}, {@code 'a', 'b', and 'c'}. */
    private static RuntimeException missingArguments(String funcName, String kind, int count, StringBuilder names) {
        String[] parts = names.substring(1).split("\u0000");
        String list;
        if (parts.length == 1) {
            list = parts[0];
        } else if (parts.length == 2) {
            list = parts[0] + " and " + parts[1];
        } else {
            list = String.join(", ", Arrays.copyOf(parts, parts.length - 1)) + ", and " + parts[parts.length - 1];
        }
        return PyErrors.typeError(funcName + "() missing " + count + " required " + kind + " argument" + (count == 1 ? "" : "s") + ": " + list);
    }

    private static RuntimeException tooManyPositional(String funcName, Signature sig, Object[] defaults, int requiredPositional, int given) {
        int max = sig.positional().length;
        int min = Math.min(max - (defaults == null ? 0 : defaults.length), requiredPositional);
        String takes = min == max ? String.valueOf(max) : "from " + min + " to " + max;
        String plural = (min == max && max == 1) ? "" : "s";
        return PyErrors.typeError(funcName + "() takes " + takes + " positional argument" + plural + " but " + given + (given == 1 ? " was" : " were") + " given");
    }
}
