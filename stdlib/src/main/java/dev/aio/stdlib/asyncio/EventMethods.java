package dev.aio.stdlib.asyncio;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyNone;

/** Methods of {@code asyncio.Event}. */
public final class EventMethods {
    private EventMethods() {
    }

    /** Installs these on {@code Event}. */
    static void install() {
        Event.TYPE.defineBuiltins(EventMethodsFactory.getFactories());
        Event.TYPE.setSubclassInstances(Event::new);
    }

    /** {@code Event.__init__()}: what {@code super().__init__()} in a derived class reaches. */
    @Builtin(name = "__init__", params = {"self"})
    @GenerateNodeFactory
    abstract static class EventInitNode extends BuiltinNode {
        @Specialization
        static Object doInit(Event self) {
            self.init();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "set", params = {"self"})
    @GenerateNodeFactory
    abstract static class EventSetNode extends BuiltinNode {
        @Specialization
        static Object doSet(Event self) {
            self.set();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "clear", params = {"self"})
    @GenerateNodeFactory
    abstract static class EventClearNode extends BuiltinNode {
        @Specialization
        static Object doClear(Event self) {
            self.clear();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "is_set", params = {"self"})
    @GenerateNodeFactory
    abstract static class EventIsSetNode extends BuiltinNode {
        @Specialization
        static boolean doIsSet(Event self) {
            return self.isSet();
        }
    }

    @Builtin(name = "wait", params = {"self"})
    @GenerateNodeFactory
    abstract static class EventWaitNode extends BuiltinNode {
        @Specialization
        static Object doWait(Event self) {
            return self.waitCoroutine();
        }
    }

    @Builtin(name = "Event", constructor = true, params = {"cls"})
    @GenerateNodeFactory
    abstract static class NewEventNode extends BuiltinNode {
        @Specialization
        Object doNew(Object cls) {
            return new Event();
        }
    }
}
