package dev.aio.launcher;

import org.graalvm.polyglot.Engine;

import picocli.CommandLine.IVersionProvider;

/** {@code aio --version}: aio's version, the Truffle runtime in use and the JVM. */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String runtime;
        try (Engine engine = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
            runtime = JitStatus.describe(engine);
        }
        return new String[]{"aio " + aioVersion(), runtime,
                        "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")};
    }

    static String aioVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }
}
