package dev.aio.runtime;

import java.util.Map;
import java.util.function.Function;

import dev.aio.AioContext;

/** How the stdlib module plugs builtins and modules into the interpreter (a {@link java.util.ServiceLoader} service). */
public interface StdlibProvider {
    /** Attaches methods to the builtin types; may be called once per context, so it must be idempotent. */
    void registerTypeMethods();

    /** Importable modules by name, including {@code builtins}; each factory runs once per context. */
    Map<String, Function<AioContext, PyModule>> modules();
}
