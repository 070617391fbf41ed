package dev.aio.runtime;

import java.util.concurrent.ConcurrentHashMap;

import com.oracle.truffle.api.dsl.NodeFactory;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;

/**
 * A builtin function or method as declared in Java: its name, its signature and the factory of
 * the Truffle node that implements it. Language-independent; {@link dev.aio.AioLanguage} makes
 * the callable function from it.
 */
public record BuiltinSpec(String name, Signature signature, int required, NodeFactory<? extends BuiltinNode> factory, boolean isProperty, boolean isConstructor,
                boolean isClassMethod) {

    /** One spec per factory in the JVM: every context installing its module or type declares the same builtin with it. */
    private static final ConcurrentHashMap<NodeFactory<? extends BuiltinNode>, BuiltinSpec> SPECS = new ConcurrentHashMap<>();

    /**
     * The builtin {@code factory} declares. The same object each time, so that what a call site
     * caches about a builtin ({@code CallOps.CallNode} guards on the spec) holds in every
     * context of a shared engine, whose builtin modules and types are installed anew per context.
     */
    public static BuiltinSpec of(NodeFactory<? extends BuiltinNode> factory) {
        BuiltinSpec made = SPECS.get(factory);
        return made != null ? made : SPECS.computeIfAbsent(factory, BuiltinSpec::declaredBy);
    }

    private static BuiltinSpec declaredBy(NodeFactory<? extends BuiltinNode> factory) {
        Builtin b = factory.getNodeClass().getAnnotation(Builtin.class);
        if (b == null) {
            throw new IllegalArgumentException(factory.getNodeClass() + " lacks @Builtin");
        }
        String varargs = b.varargs().isEmpty() ? null : b.varargs();
        String kwargs = b.kwargs().isEmpty() ? null : b.kwargs();
        int posOnly = b.posOnly() < 0 ? b.params().length : b.posOnly();
        Signature sig = new Signature(b.params(), posOnly, varargs, b.kwOnly(), kwargs);
        int required = b.required() < 0 ? b.params().length : b.required();
        return new BuiltinSpec(b.name(), sig, required, factory, b.property(), b.constructor(), b.classMethod());
    }

    /**
     * A builtin is its node factory (a singleton) under a name: hashing just those keeps the
     * lookup of its function ({@link dev.aio.AioLanguage#builtinFunction}, at every method call)
     * cheap, where the record's own hash would walk the whole signature.
     */
    @Override
    public int hashCode() {
        return System.identityHashCode(factory) * 31 + name.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BuiltinSpec other && factory == other.factory && name.equals(other.name) && isProperty == other.isProperty;
    }
}
