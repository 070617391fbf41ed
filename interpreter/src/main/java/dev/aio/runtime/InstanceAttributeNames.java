package dev.aio.runtime;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;

/**
 * The names the instances of one class have ever had in their {@code __dict__}, so that a method
 * call site can know, without looking in the instance's dict on every call, that no instance hides
 * the method it cached: the role of CPython's shared keys, whose version {@code LOAD_METHOD}
 * checks. A site asks for {@link #absent}; the first instance that gains that name invalidates
 * it. Once an instance's {@code __dict__} is replaced, or gains a key that is not a {@code str},
 * nothing is known any more and every name counts as present.
 */
final class InstanceAttributeNames {
    private Set<String> seen = new HashSet<>();
    /** The names call sites rely on being absent, each with the assumption they hold. */
    private final Map<String, Assumption> watched = new HashMap<>();

    /** Valid while no instance has had {@code name} in its dict; never valid if one has. */
    @TruffleBoundary
    Assumption absent(String name) {
        if (seen == null || seen.contains(name)) {
            return Assumption.NEVER_VALID;
        }
        return watched.computeIfAbsent(name, n -> Truffle.getRuntime().createAssumption("no instance attribute " + n));
    }

    /** A key added to an instance's dict. */
    void added(Object key) {
        if (seen == null) {
            return;
        }
        if (!(key instanceof String name)) {
            forget();
        } else if (seen.add(name)) {
            Assumption a = watched.remove(name);
            if (a != null) {
                a.invalidate("an instance has attribute " + name);
            }
        }
    }

    /** An instance's {@code __dict__} was replaced by a dict that was not watched: every name may be present. */
    void forget() {
        seen = null;
        for (Assumption a : watched.values()) {
            a.invalidate("instance dicts replaced");
        }
        watched.clear();
    }
}
