package dev.aio.nodes.builtins;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a builtin function or method implemented by a {@link BuiltinNode}: its name and its
 * parameters. Each parameter becomes one child argument node, in the {@link dev.aio.runtime.Signature} slot order.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Builtin {
    String name();

    /** Positional parameters (methods start with {@code self}, constructors with {@code cls}). */
    String[] params() default {};

    /** How many of {@link #params} are required; the rest receive {@link dev.aio.runtime.Missing} when absent. -1: all. */
    int required() default -1;

    /** How many of {@link #params} cannot be passed by keyword. -1: all of them. */
    int posOnly() default -1;

    /** Name of the {@code *args} parameter, if any. */
    String varargs() default "";

    /** Keyword-only parameters; absent ones receive {@link dev.aio.runtime.Missing}. */
    String[] kwOnly() default {};

    String kwargs() default "";

    /** A read-only attribute computed by this builtin from {@code self}. */
    boolean property() default false;

    /**
     * What calling the type named {@link #name} does (CPython's {@code tp_new} with {@code tp_init});
     * its first parameter is {@code cls}. Installed by {@link dev.aio.runtime.PyType#defineBuiltins}
     * on that type only, never as a method.
     */
    boolean constructor() default false;

    /** A class method: its first parameter is {@code cls}, the class it is looked up on. */
    boolean classMethod() default false;
}
