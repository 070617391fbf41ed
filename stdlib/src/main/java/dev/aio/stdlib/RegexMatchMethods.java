package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Missing;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyValueInstance;

/** Methods of {@code re.Match} ({@link RegexMatch}), as CPython's {@code _sre} defines them. */
public final class RegexMatchMethods {
    private RegexMatchMethods() {
    }

    /** Installs these on {@code re.Match}. */
    static void install() {
        RegexMatch.TYPE.defineBuiltins(RegexMatchMethodsFactory.getFactories());
    }

    /** A group given by number or name: its number, or IndexError "no such group". */
    static int index(RegexMatch m, Object group) {
        Object g = PyValueInstance.unwrap(group);
        if (g instanceof Long n) {
            if (n >= 0 && n <= m.regex.groups) {
                return (int) (long) n;
            }
        } else if (g instanceof Boolean b) {
            int n = b ? 1 : 0;
            if (n <= m.regex.groups) {
                return n;
            }
        } else if (g instanceof String name) {
            Object n = m.regex.groupIndex.get(name);
            if (n != null) {
                return (int) (long) (Long) n;
            }
        }
        throw PyErrors.indexError("no such group");
    }

    private static int indexOrZero(RegexMatch m, Object group) {
        return group == Missing.INSTANCE ? 0 : index(m, group);
    }

    @Builtin(name = "group", params = {"self"}, varargs = "groups")
    @GenerateNodeFactory
    abstract static class GroupNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doGroup(RegexMatch self, PyTuple groups) {
            Object[] names = groups.items();
            if (names.length == 0) {
                return self.group(0, PyNone.NONE);
            }
            if (names.length == 1) {
                return self.group(index(self, names[0]), PyNone.NONE);
            }
            Object[] found = new Object[names.length];
            for (int i = 0; i < names.length; i++) {
                found[i] = self.group(index(self, names[i]), PyNone.NONE);
            }
            return new PyTuple(found);
        }
    }

    @Builtin(name = "__getitem__", params = {"self", "group"})
    @GenerateNodeFactory
    abstract static class GetItemNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doGetItem(RegexMatch self, Object group) {
            return self.group(index(self, group), PyNone.NONE);
        }
    }

    @Builtin(name = "groups", params = {"self", "default"}, required = 1)
    @GenerateNodeFactory
    abstract static class GroupsNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doGroups(RegexMatch self, Object missing) {
            Object fallback = missing == Missing.INSTANCE ? PyNone.NONE : missing;
            Object[] found = new Object[self.regex.groups];
            for (int g = 1; g <= found.length; g++) {
                found[g - 1] = self.group(g, fallback);
            }
            return new PyTuple(found);
        }
    }

    @Builtin(name = "groupdict", params = {"self", "default"}, required = 1)
    @GenerateNodeFactory
    abstract static class GroupDictNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doGroupDict(RegexMatch self, Object missing) {
            Object fallback = missing == Missing.INSTANCE ? PyNone.NONE : missing;
            PyDict found = new PyDict();
            for (PyDict.Entry e : self.regex.groupIndex.entries()) {
                found.put(e.key, self.group((int) (long) (Long) e.value, fallback));
            }
            return found;
        }
    }

    @Builtin(name = "start", params = {"self", "group"}, required = 1)
    @GenerateNodeFactory
    abstract static class StartNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static long doStart(RegexMatch self, Object group) {
            return self.start(indexOrZero(self, group));
        }
    }

    @Builtin(name = "end", params = {"self", "group"}, required = 1)
    @GenerateNodeFactory
    abstract static class EndNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static long doEnd(RegexMatch self, Object group) {
            return self.end(indexOrZero(self, group));
        }
    }

    @Builtin(name = "span", params = {"self", "group"}, required = 1)
    @GenerateNodeFactory
    abstract static class SpanNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doSpan(RegexMatch self, Object group) {
            int g = indexOrZero(self, group);
            return PyTuple.of((long) self.start(g), (long) self.end(g));
        }
    }

    @Builtin(name = "regs", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class RegsNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRegs(RegexMatch self) {
            Object[] regs = new Object[self.regex.groups + 1];
            for (int g = 0; g < regs.length; g++) {
                regs[g] = PyTuple.of((long) self.start(g), (long) self.end(g));
            }
            return new PyTuple(regs);
        }
    }

    @Builtin(name = "lastindex", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class LastIndexNode extends BuiltinNode {
        @Specialization
        static Object doLastIndex(RegexMatch self) {
            return self.lastIndex < 0 ? PyNone.NONE : (Object) (long) self.lastIndex;
        }
    }

    @Builtin(name = "lastgroup", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class LastGroupNode extends BuiltinNode {
        @Specialization
        static Object doLastGroup(RegexMatch self) {
            String name = self.lastIndex < 0 ? null : self.regex.names[self.lastIndex];
            return name == null ? PyNone.NONE : name;
        }
    }

    @Builtin(name = "re", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class PatternNode extends BuiltinNode {
        @Specialization
        static Object doPattern(RegexMatch self) {
            return self.regex.pattern;
        }
    }

    @Builtin(name = "string", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class StringNode extends BuiltinNode {
        @Specialization
        static Object doString(RegexMatch self) {
            return self.string;
        }
    }

    @Builtin(name = "pos", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class PosNode extends BuiltinNode {
        @Specialization
        static long doPos(RegexMatch self) {
            return self.pos;
        }
    }

    @Builtin(name = "endpos", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class EndPosNode extends BuiltinNode {
        @Specialization
        static long doEndPos(RegexMatch self) {
            return self.endpos;
        }
    }

    /** As CPython's match_expand: re's own {@code _expand(pattern, match, template)} does the template. */
    @Builtin(name = "expand", params = {"self", "template"})
    @GenerateNodeFactory
    abstract static class ExpandNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doExpand(RegexMatch self, Object template) {
            Object expand = Attributes.get(AioContext.get(this).importModule("re"), "_expand");
            return Calls.call(expand, self.regex.pattern, self, template);
        }
    }

    @Builtin(name = "__copy__", params = {"self"})
    @GenerateNodeFactory
    abstract static class CopyNode extends BuiltinNode {
        @Specialization
        static Object doCopy(RegexMatch self) {
            return self;
        }
    }

    @Builtin(name = "__deepcopy__", params = {"self", "memo"})
    @GenerateNodeFactory
    abstract static class DeepCopyNode extends BuiltinNode {
        @Specialization
        static Object doDeepCopy(RegexMatch self, Object memo) {
            return self;
        }
    }
}
