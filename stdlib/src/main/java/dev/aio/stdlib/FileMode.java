package dev.aio.stdlib;

import dev.aio.runtime.PyErrors;

/**
 * The {@code mode} argument of {@code open()}, checked as CPython's {@code _io.open} checks it:
 * exactly one of {@code r}, {@code w}, {@code a}, {@code x}; {@code +}, {@code t} and {@code b} at
 * most once, never {@code t} with {@code b}.
 */
record FileMode(String text, char kind, boolean plus, boolean binary) {

    static FileMode parse(String mode) {
        char kind = 0;
        boolean plus = false;
        boolean text = false;
        boolean binary = false;
        for (char c : mode.toCharArray()) {
            switch (c) {
                case 'r', 'w', 'a', 'x' -> {
                    if (kind != 0) {
                        throw PyErrors.valueError("must have exactly one of create/read/write/append mode");
                    }
                    kind = c;
                }
                case '+' -> plus = true;
                case 't' -> text = true;
                case 'b' -> binary = true;
                default -> throw PyErrors.valueError("invalid mode: '" + mode + "'");
            }
        }
        if (mode.chars().distinct().count() != mode.length()) {
            throw PyErrors.valueError("invalid mode: '" + mode + "'");
        }
        if (text && binary) {
            throw PyErrors.valueError("can't have text and binary mode at once");
        }
        if (kind == 0) {
            throw PyErrors.valueError("Must have exactly one of create/read/write/append mode and at most one plus");
        }
        return new FileMode(mode, kind, plus, binary);
    }

    boolean reading() {
        return kind == 'r' || plus;
    }

    boolean writing() {
        return kind != 'r' || plus;
    }
}
