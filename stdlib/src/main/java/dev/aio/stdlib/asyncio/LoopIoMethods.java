package dev.aio.stdlib.asyncio;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.asyncio.EventLoop;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Calls;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyTuple;

/**
 * The loop's socket, resolver and subprocess methods ({@code sock_connect}, {@code create_connection},
 * {@code create_server}, {@code getaddrinfo}, {@code subprocess_exec}...): written in aio, in
 * {@code asyncio/selector_events.aio}, {@code base_events.aio} and {@code base_subprocess.aio} as functions of the loop (CPython's
 * {@code BaseSelectorEventLoop} and {@code BaseEventLoop} methods); each builtin here calls the
 * function of its name with an underscore in front, the loop first. The functions are the
 * program's own, so one loop type serves every context.
 */
public final class LoopIoMethods {
    private LoopIoMethods() {
    }

    static void install() {
        EventLoop.TYPE.defineBuiltins(LoopIoMethodsFactory.getFactories());
    }

    @TruffleBoundary
    private static Object delegate(EventLoop loop, String name, PyTuple args, PyDict kwargs) {
        Object function = loop.context().importModule("asyncio").get("_" + name);
        Object[] given = args.items();
        Object[] positional = new Object[given.length + 1];
        positional[0] = loop;
        System.arraycopy(given, 0, positional, 1, given.length);
        String[] names = new String[kwargs.size()];
        Object[] values = new Object[kwargs.size()];
        int i = 0;
        for (PyDict.Entry e : kwargs.entries()) {
            names[i] = (String) e.key;
            values[i] = e.value;
            i++;
        }
        return Calls.call(function, positional, names, values);
    }

    @Builtin(name = "sock_recv", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class SockRecvNode extends BuiltinNode {
        @Specialization
        static Object doCall(EventLoop self, PyTuple args, PyDict kwargs) {
            return delegate(self, "sock_recv", args, kwargs);
        }
    }

    @Builtin(name = "sock_sendall", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class SockSendallNode extends BuiltinNode {
        @Specialization
        static Object doCall(EventLoop self, PyTuple args, PyDict kwargs) {
            return delegate(self, "sock_sendall", args, kwargs);
        }
    }

    @Builtin(name = "sock_connect", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class SockConnectNode extends BuiltinNode {
        @Specialization
        static Object doCall(EventLoop self, PyTuple args, PyDict kwargs) {
            return delegate(self, "sock_connect", args, kwargs);
        }
    }

    @Builtin(name = "sock_accept", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class SockAcceptNode extends BuiltinNode {
        @Specialization
        static Object doCall(EventLoop self, PyTuple args, PyDict kwargs) {
            return delegate(self, "sock_accept", args, kwargs);
        }
    }

    @Builtin(name = "create_connection", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class CreateConnectionNode extends BuiltinNode {
        @Specialization
        static Object doCall(EventLoop self, PyTuple args, PyDict kwargs) {
            return delegate(self, "create_connection", args, kwargs);
        }
    }

    @Builtin(name = "create_server", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class CreateServerNode extends BuiltinNode {
        @Specialization
        static Object doCall(EventLoop self, PyTuple args, PyDict kwargs) {
            return delegate(self, "create_server", args, kwargs);
        }
    }

    @Builtin(name = "create_unix_connection", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class CreateUnixConnectionNode extends BuiltinNode {
        @Specialization
        static Object doCall(EventLoop self, PyTuple args, PyDict kwargs) {
            return delegate(self, "create_unix_connection", args, kwargs);
        }
    }

    @Builtin(name = "create_unix_server", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class CreateUnixServerNode extends BuiltinNode {
        @Specialization
        static Object doCall(EventLoop self, PyTuple args, PyDict kwargs) {
            return delegate(self, "create_unix_server", args, kwargs);
        }
    }

    @Builtin(name = "connect_read_pipe", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class ConnectReadPipeNode extends BuiltinNode {
        @Specialization
        static Object doCall(EventLoop self, PyTuple args, PyDict kwargs) {
            return delegate(self, "connect_read_pipe", args, kwargs);
        }
    }

    @Builtin(name = "connect_write_pipe", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class ConnectWritePipeNode extends BuiltinNode {
        @Specialization
        static Object doCall(EventLoop self, PyTuple args, PyDict kwargs) {
            return delegate(self, "connect_write_pipe", args, kwargs);
        }
    }

    @Builtin(name = "subprocess_exec", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class SubprocessExecNode extends BuiltinNode {
        @Specialization
        static Object doCall(EventLoop self, PyTuple args, PyDict kwargs) {
            return delegate(self, "subprocess_exec", args, kwargs);
        }
    }

    @Builtin(name = "subprocess_shell", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class SubprocessShellNode extends BuiltinNode {
        @Specialization
        static Object doCall(EventLoop self, PyTuple args, PyDict kwargs) {
            return delegate(self, "subprocess_shell", args, kwargs);
        }
    }

    @Builtin(name = "create_datagram_endpoint", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class CreateDatagramEndpointNode extends BuiltinNode {
        @Specialization
        static Object doCall(EventLoop self, PyTuple args, PyDict kwargs) {
            return delegate(self, "create_datagram_endpoint", args, kwargs);
        }
    }

    @Builtin(name = "sock_recvfrom", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class SockRecvfromNode extends BuiltinNode {
        @Specialization
        static Object doCall(EventLoop self, PyTuple args, PyDict kwargs) {
            return delegate(self, "sock_recvfrom", args, kwargs);
        }
    }

    @Builtin(name = "sock_sendto", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class SockSendtoNode extends BuiltinNode {
        @Specialization
        static Object doCall(EventLoop self, PyTuple args, PyDict kwargs) {
            return delegate(self, "sock_sendto", args, kwargs);
        }
    }

    @Builtin(name = "getaddrinfo", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class GetAddrInfoNode extends BuiltinNode {
        @Specialization
        static Object doCall(EventLoop self, PyTuple args, PyDict kwargs) {
            return delegate(self, "getaddrinfo", args, kwargs);
        }
    }

    @Builtin(name = "getnameinfo", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class GetNameInfoNode extends BuiltinNode {
        @Specialization
        static Object doCall(EventLoop self, PyTuple args, PyDict kwargs) {
            return delegate(self, "getnameinfo", args, kwargs);
        }
    }
}
