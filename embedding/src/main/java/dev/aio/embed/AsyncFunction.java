package dev.aio.embed;

import org.graalvm.polyglot.Value;

/**
 * A Java function that aio scripts call by name ({@link Aio#register}); it may return a
 * {@link java.util.concurrent.CompletionStage}, which the script awaits, or a plain value.
 */
@FunctionalInterface
public interface AsyncFunction {
    Object call(Value... args) throws Exception;
}
