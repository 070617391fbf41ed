package dev.aio.stdlib;

import java.util.LinkedHashMap;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinSpec;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;

/**
 * CPython's "struct sequences" such as {@code sys.version_info}: a tuple whose items are also
 * named attributes, printed {@code sys.version_info(major=3, minor=11, ...)}.
 */
public final class StructSequence {
    private StructSequence() {
    }

    @TruffleBoundary
    static PyTuple make(String module, String name, String[] fields, Object[] values) {
        Map<String, Object> namespace = new LinkedHashMap<>();
        namespace.put("__module__", module);
        namespace.put("_fields", PyTuple.of((Object[]) fields));
        namespace.put("n_fields", (long) fields.length);
        namespace.put("__repr__", BuiltinSpec.of(StructSequenceFactory.ReprNodeFactory.getInstance()));
        PyType type = PyType.createClass(name, module, new PyType[]{BuiltinTypes.TUPLE}, namespace);
        PyTuple t = new PyTuple(type, values.clone());
        for (int i = 0; i < fields.length; i++) {
            t.instanceDict().put(fields[i], values[i]);
        }
        return t;
    }

    @Builtin(name = "__repr__", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReprNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRepr(PyTuple self) {
            PyType type = self.getPyType();
            Object[] fields = ((PyTuple) type.lookup("_fields")).items();
            StringBuilder sb = new StringBuilder(type.getModule()).append('.').append(type.getName()).append('(');
            for (int i = 0; i < fields.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(fields[i]).append('=').append(PyOps.repr(self.get(i)));
            }
            return sb.append(')').toString();
        }
    }
}
