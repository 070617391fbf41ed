package dev.aio.compiler;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
    final Set<String> declaredGlobal = new LinkedHashSet<>();
    final Set<String> declaredNonlocal = new LinkedHashSet<>();
    /** Locals that nested functions capture. */
    final Set<String> cells = new LinkedHashSet<>();
    /** Variables of enclosing functions used here or in nested functions, in closure order. */
    final Set<String> free = new LinkedHashSet<>();
    /**
     * Free variables a class body only passes on to the functions defined in it: the class binds
     * the name itself (or declares it global), and its functions do not see that binding.
     */
    final Set<String> passedOn = new LinkedHashSet<>();
    /** The function contains {@code yield}: calling it makes a generator. */
    boolean isGenerator;

    Scope(Kind kind, Scope parent) {
        this.kind = kind;
        this.parent = parent;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    boolean isLocal(String name) {
        return kind != Kind.MODULE && !declaredGlobal.contains(name) && !declaredNonlocal.contains(name) && (params.contains(name) || assigned.contains(name));
    }

    boolean isCell(String name) {
        return cells.contains(name);
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
            if ((!isLocal(name) || passOn) && parent != null && parent.providesBinding(name)) {
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
            if (s.isLocal(name)) {
                return true;
            }
            if (s.declaredGlobal.contains(name)) {
                return false;
            }
        }
        return false;
    }
}
