package dev.aio.compiler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.aio.ast.Expr;

/**
 * {@code aio check}: the names a program reads that nothing binds (not the module, not a function
 * declaring them global, not a builtin), the NameErrors a run would meet. A module that imports
 * {@code *} binds names no one can list, so it is not checked.
 */
final class NameCheck {
    /** What every module has before its first line runs. */
    private static final Set<String> MODULE_NAMES = Set.of("__name__", "__file__", "__doc__", "__builtins__", "__spec__", "__loader__", "__package__",
                    "__annotations__", "__debug__", "__dict__");

    private NameCheck() {
    }

    /** The offending reads, in source order. */
    static List<Expr.Name> undefinedNames(Map<Object, Scope> scopes, Scope module, Set<String> builtins) {
        Set<String> defined = new HashSet<>(module.assigned);
        defined.addAll(MODULE_NAMES);
        defined.addAll(builtins);
        for (Scope s : scopes.values()) {
            if (s.importsStar) {
                return List.of();
            }
            defined.addAll(s.declaredGlobal);
        }
        List<Expr.Name> undefined = new ArrayList<>();
        for (Scope s : scopes.values()) {
            for (Expr.Name n : s.loads) {
                if (s.readsGlobal(n.id()) && !defined.contains(n.id())) {
                    undefined.add(n);
                }
            }
        }
        undefined.sort(Comparator.comparingInt((Expr.Name n) -> n.pos().line()).thenComparingInt(n -> n.pos().col()));
        return undefined;
    }
}
