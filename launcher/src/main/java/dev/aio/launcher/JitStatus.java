package dev.aio.launcher;

import java.io.PrintStream;

import org.graalvm.polyglot.Engine;

/**
 * Whether aio code is JIT-compiled in this process. The {@code aio} script decides how the JVM
 * starts (scripts/find-jdk.sh, {@code aio_launch}) and passes its choice as {@code -Daio.jit}:
 * {@code on} (the Graal compiler is in place), {@code off} (AIO_JIT=off), or
 * {@code unavailable: WHY}. Without the property (tests, embedders) nothing is said.
 */
final class JitStatus {
    /** Truffle's name for its runtime without a compiler. */
    private static final String INTERPRETED = "Interpreted";

    private static boolean warned;

    private JitStatus() {
    }

    /** Why aio code is not compiled, or null when it is (or when the user chose so). */
    static String missingJitReason(Engine engine) {
        String choice = System.getProperty("aio.jit");
        if (choice == null || choice.equals("off")) {
            return null;
        }
        if (choice.startsWith("unavailable: ")) {
            return choice.substring("unavailable: ".length());
        }
        return engine.getImplementationName().equals(INTERPRETED) ? "the Truffle runtime could not start the Graal compiler on this JVM" : null;
    }

    /** {@code aio --version}'s line on the runtime. */
    static String describe(Engine engine) {
        String name = engine.getImplementationName();
        if (!name.equals(INTERPRETED)) {
            return "Truffle runtime: " + name + ", with the Graal JIT compiler";
        }
        String why = missingJitReason(engine);
        return "Truffle runtime: interpreter only, no JIT compiler" + (why != null ? " (" + why + ")" : "off".equals(System.getProperty("aio.jit")) ? " (AIO_JIT=off)" : "");
    }

    /** Warns once per process when the user expected the JIT and does not get it. */
    static synchronized void warnIfMissing(Engine engine, PrintStream err) {
        String why = missingJitReason(engine);
        if (why != null && !warned) {
            warned = true;
            err.println("aio: warning: no JIT compiler (" + why + "); aio code runs interpreted, several times slower. AIO_JIT=off runs so without this warning.");
        }
    }
}
