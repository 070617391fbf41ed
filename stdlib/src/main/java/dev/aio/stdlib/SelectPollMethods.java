package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyValueInstance;

/** Methods of {@code select.poll} objects ({@link SelectPoll}), with CPython's messages. */
final class SelectPollMethods {
    private SelectPollMethods() {
    }

    private static final long DEFAULT_EVENTS = DescriptorPoll.POLLIN | DescriptorPoll.POLLPRI | DescriptorPoll.POLLOUT;

    /** An event mask: an unsigned short, as CPython's {@code poll.register} takes it. */
    private static int events(Object mask) {
        if (!Args.given(mask)) {
            return (int) DEFAULT_EVENTS;
        }
        Object m = PyValueInstance.unwrap(mask);
        if (!(m instanceof Long || m instanceof Boolean)) {
            throw PyErrors.typeError("an integer is required");
        }
        long value = Args.index(m, "eventmask");
        if (value < 0) {
            throw PyErrors.raise(BuiltinTypes.VALUE_ERROR, "value must be positive");
        }
        if (value > 0xFFFF) {
            throw PyErrors.raise(BuiltinTypes.OVERFLOW_ERROR, "Python int too large for C unsigned short");
        }
        return (int) value;
    }

    @Builtin(name = "register", params = {"self", "fd", "eventmask"}, required = 2, posOnly = 3)
    @GenerateNodeFactory
    abstract static class RegisterNode extends BuiltinNode {
        @Specialization
        static Object doRegister(SelectPoll self, Object fd, Object mask) {
            self.register(DescriptorPoll.descriptor(fd), events(mask));
            return PyNone.NONE;
        }
    }

    @Builtin(name = "modify", params = {"self", "fd", "eventmask"}, posOnly = 3)
    @GenerateNodeFactory
    abstract static class ModifyNode extends BuiltinNode {
        @Specialization
        static Object doModify(SelectPoll self, Object fd, Object mask) {
            self.modify(DescriptorPoll.descriptor(fd), events(mask));
            return PyNone.NONE;
        }
    }

    @Builtin(name = "unregister", params = {"self", "fd"}, posOnly = 2)
    @GenerateNodeFactory
    abstract static class UnregisterNode extends BuiltinNode {
        @Specialization
        static Object doUnregister(SelectPoll self, Object fd) {
            self.unregister(DescriptorPoll.descriptor(fd));
            return PyNone.NONE;
        }
    }

    /** {@code poll(timeout=None)}: timeout in milliseconds; None or negative waits without limit. */
    @Builtin(name = "poll", params = {"self", "timeout"}, required = 1, posOnly = 2)
    @GenerateNodeFactory
    abstract static class PollNode extends BuiltinNode {
        @Specialization
        PyList doPoll(SelectPoll self, Object timeout) {
            long nanos = -1;
            if (Args.given(timeout) && timeout != PyNone.NONE) {
                Object t = PyValueInstance.unwrap(timeout);
                if (!Numbers.isNumber(t)) {
                    throw PyErrors.typeError("timeout must be an integer or None");
                }
                double millis = Math.ceil(Numbers.toDouble(t));
                nanos = millis < 0 ? -1 : (long) (millis * 1e6);
            }
            return self.poll(AioContext.get(this), nanos);
        }
    }
}
