package dev.aio.compiler;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.aio.ast.Expr;
import dev.aio.ast.PrivateNames;

/**
 * The names of one function (or the module) and where each lives: a plain local, a cell shared
 * with nested functions, a free variable from an enclosing function, or a global.
 */
final class Scope {
    enum Kind {
        MODULE, FUNCTION, CLASS
    }

    final Kind kind;
    final Scope parent;
    final List<Scope> children = new ArrayList<>();
    final Set<String> params = new LinkedHashSet<>();
    final Set<String> assigned = new LinkedHashSet<>();
    final Set<String> used = new LinkedHashSet<>();
    /** Names a statement of this scope unbinds: {@code del} targets, and except clauses' names (deleted as the clause ends). */
    final Set<String> unbound = new LinkedHashSet<>();
    final Set<String> declaredGlobal = new LinkedHashSet<>();
    final Set<String> declaredNonlocal = new LinkedHashSet<>();
    /** Locals that nested functions capture. */
    final Set<String> cells = new LinkedHashSet<>();
    /** Variables of enclosing functions used here or in nested functions, in closure order. */
    final Set<String> free = new LinkedHashSet<>();
    /**
     * Variables of the comprehensions (run inline in this scope) that nested functions capture:
     * their hidden locals hold cells, one per comprehension run, as CPython's comprehension
     * functions do.
     */
    final Set<String> comprehensionCells = new LinkedHashSet<>();
    /** The comprehension variables visible where this function is defined (a lambda in a comprehension). */
    final Set<String> enclosingComprehensionVars = new LinkedHashSet<>();
    /** The names this scope reads (not comprehension variables), for {@code aio check}. */
    final List<Expr.Name> loads = new ArrayList<>();
    /** {@code from m import *} binds names no one can list. */
    boolean importsStar;
    /**
     * Free variables a class body only passes on to the functions defined in it: the class binds
     * the name itself (or declares it global), and its functions do not see that binding.
     */
    final Set<String> passedOn = new LinkedHashSet<>();
    /** The function contains {@code yield}: calling it makes a generator. */
    boolean isGenerator;
    /** The scope itself awaits ({@code await}, {@code async for}, {@code async with}): an interactive chunk that does runs as a coroutine. */
    boolean awaits;

    /** A class scope's class name, which mangles the private names bound in it and below it. */
    String className;

    Scope(Kind kind, Scope parent) {
        this.kind = kind;
        this.parent = parent;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    /** {@code name} as bound in this scope: mangled with the innermost enclosing class ({@link PrivateNames}). */
    String mangle(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.kind == Kind.CLASS) {
                return PrivateNames.mangle(s.className, name);
            }
        }
        return name;
    }

    /** The local variables, parameters first: what CPython's {@code co_varnames} lists. */
    String[] localNames() {
        Set<String> names = new LinkedHashSet<>(params);
        for (String name : assigned) {
            if (isLocal(name)) {
                names.add(name);
            }
        }
        return names.toArray(new String[0]);
    }

    boolean isLocal(String name) {
        return kind != Kind.MODULE && !declaredGlobal.contains(name) && !declaredNonlocal.contains(name) && (params.contains(name) || assigned.contains(name));
    }

    /**
     * A parameter that nothing unbinds: bound from the call to the end of the function, so reading
     * it needs no unbound check (CPython's compiler likewise emits {@code LOAD_FAST} rather than
     * {@code LOAD_FAST_CHECK} where a local is known to be bound).
     */
    boolean isAlwaysBound(String name) {
        return params.contains(name) && !unbound.contains(name);
    }

    boolean isCell(String name) {
        return cells.contains(name);
    }

    boolean isComprehensionCell(String name) {
        return comprehensionCells.contains(name);
    }

    /** Whether reading {@code name} here looks it up in the module's globals (and then builtins). */
    boolean readsGlobal(String name) {
        return switch (kind) {
            case MODULE -> true;
            case CLASS -> !isLocal(name) && !isFree(name);
            case FUNCTION -> !isLocal(name) && !isFree(name) && !isCell(name);
        };
    }

    boolean isFree(String name) {
        return free.contains(name);
    }

    /** Whether this scope's own code reaches {@code name} through a cell. */
    boolean isShared(String name) {
        return cells.contains(name) || free.contains(name) && !passedOn.contains(name);
    }

    /** After the tree is complete: decide cells and free variables, innermost scopes first. */
    void resolve() {
        for (Scope child : children) {
            child.resolve();
        }
        Set<String> wanted = new LinkedHashSet<>(declaredNonlocal);
        for (String name : used) {
            if (!isLocal(name) && !declaredGlobal.contains(name)) {
                wanted.add(name);
            }
        }
        Set<String> wantedInside = new LinkedHashSet<>();
        for (Scope child : children) {
            for (String name : child.free) {
                if (child.enclosingComprehensionVars.contains(name)) {
                    comprehensionCells.add(name);
                    continue;
                }
                if (isLocal(name) && kind == Kind.FUNCTION) {
                    cells.add(name);
                } else if (kind == Kind.CLASS || !declaredGlobal.contains(name)) {
                    wantedInside.add(name);
                }
            }
        }
        wanted.addAll(wantedInside);
        for (String name : wanted) {
            // A class body's own binding of a name is not visible to the functions defined in it.
            boolean passOn = kind == Kind.CLASS && wantedInside.contains(name) && (isLocal(name) || declaredGlobal.contains(name));
            if ((!isLocal(name) || passOn) && (enclosingComprehensionVars.contains(name) || parent != null && parent.providesBinding(name))) {
                free.add(name);
                if (passOn) {
                    passedOn.add(name);
                }
            }
        }
    }

    /** Whether a function scope at or above this one binds {@code name} (so a nested use is a closure, not a global). */
    private boolean providesBinding(String name) {
        for (Scope s = this; s != null && s.kind != Kind.MODULE; s = s.parent) {
            if (s.kind == Kind.CLASS) {
                continue;
            }
            if (s.isLocal(name) || s.enclosingComprehensionVars.contains(name)) {
                return true;
            }
            if (s.declaredGlobal.contains(name)) {
                return false;
            }
        }
        return false;
    }
}
