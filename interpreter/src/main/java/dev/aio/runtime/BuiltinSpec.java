package dev.aio.runtime;

import com.oracle.truffle.api.dsl.NodeFactory;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;

/**
 * A builtin function or method as declared in Java: its name, its signature and the factory of
 * the Truffle node that implements it. Language-independent; {@link dev.aio.AioLanguage} makes
 * the callable function from it.
 */
public record BuiltinSpec(String name, Signature signature, int required, NodeFactory<? extends BuiltinNode> factory, boolean isProperty) {

    public static BuiltinSpec of(NodeFactory<? extends BuiltinNode> factory) {
        Builtin b = factory.getNodeClass().getAnnotation(Builtin.class);
        if (b == null) {
            throw new IllegalArgumentException(factory.getNodeClass() + " lacks @Builtin");
        }
        String varargs = b.varargs().isEmpty() ? null : b.varargs();
        String kwargs = b.kwargs().isEmpty() ? null : b.kwargs();
        int posOnly = b.posOnly() < 0 ? b.params().length : b.posOnly();
        Signature sig = new Signature(b.params(), posOnly, varargs, b.kwOnly(), kwargs);
        int required = b.required() < 0 ? b.params().length : b.required();
        return new BuiltinSpec(b.name(), sig, required, factory, b.property());
    }

    public static java.util.List<BuiltinSpec> all(java.util.List<? extends NodeFactory<? extends BuiltinNode>> factories) {
        return factories.stream().map(BuiltinSpec::of).toList();
    }
}
