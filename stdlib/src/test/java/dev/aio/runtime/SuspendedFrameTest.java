package dev.aio.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.oracle.truffle.api.bytecode.ContinuationResult;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.frame.MaterializedFrame;

import dev.aio.AioContext;

/**
 * What the frame of a suspended generator or coroutine holds: each value once, in its locals, and
 * no continuation of an earlier suspension. A value copied to the frame's stack part at a
 * suspension is what made compiled code allocate the continuation frame's arrays at every
 * {@code await} ({@code AioRootNode.AwaitPending}), and a continuation left in the frame by the
 * body's first suspension would stay reachable for as long as the body ({@link PyCode#forgetStartSuspension}).
 * An awaitable that finishes in its first step is not stored in the frame at all, so that compiled
 * code need not allocate it ({@code AioRootNode.AwaitStart}).
 */
class SuspendedFrameTest {
    private Context context;

    @BeforeEach
    void open() {
        context = Context.newBuilder("aio").option("engine.WarnInterpreterOnly", "false").build();
        context.initialize("aio");
        context.enter();
    }

    @AfterEach
    void close() {
        context.leave();
        context.close();
    }

    private Object run(String script, String name) {
        context.eval("aio", script);
        return AioContext.get(null).bindings().get(name);
    }

    /** The values in the frame's slots, the slots that hold nothing left out. */
    private static List<Object> slotValues(SuspendedBody body) {
        MaterializedFrame frame = body.continuation().getFrame();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < frame.getFrameDescriptor().getNumberOfSlots(); i++) {
            if (frame.getTag(i) == FrameSlotKind.Object.tag && frame.getObject(i) != null && frame.getObject(i) != frame) {
                values.add(frame.getObject(i));
            }
        }
        return values;
    }

    @Test
    void aCoroutineSuspendedInAnAwaitHoldsItsAwaitableOnce() {
        PyCoroutine coroutine = (PyCoroutine) run("""
                        class Signal:
                            def __await__(self):
                                yield "ready"

                        async def waiter():
                            await Signal()

                        co = waiter()
                        co.send(None)
                        """, "co");
        List<Object> values = slotValues(coroutine.body());
        assertEquals(1, values.size(), () -> "frame slots: " + values);
        assertEquals(0, values.stream().filter(v -> v instanceof ContinuationResult).count());
    }

    /** An awaitable that finishes in its first step and looks, during it, for itself in the frame of the coroutine that awaits it. */
    private static final class FrameProbe extends BaseCoroutine {
        MaterializedFrame awaiterFrame;
        Boolean inAwaiterFrame;

        @Override
        public Object step(Object sent) {
            MaterializedFrame frame = awaiterFrame;
            boolean found = false;
            for (int i = 0; i < frame.getFrameDescriptor().getNumberOfSlots(); i++) {
                found |= frame.getTag(i) == FrameSlotKind.Object.tag && frame.getObject(i) == this;
            }
            inAwaiterFrame = found;
            return PyNone.NONE;
        }

        @Override
        public Object yielded() {
            return null;
        }

        @Override
        public String qualName() {
            return "probe";
        }

        @Override
        public String describeForTask() {
            return "probe()";
        }

        @Override
        public boolean isUnawaited() {
            return false;
        }

        @Override
        public boolean isDone() {
            return inAwaiterFrame != null;
        }
    }

    @Test
    void anAwaitableThatFinishesInItsFirstStepIsNotStoredInTheFrame() {
        FrameProbe probe = new FrameProbe();
        AioContext.get(null).bindings().put("probe", probe);
        PyCoroutine coroutine = (PyCoroutine) run("""
                        async def awaiter():
                            return await probe

                        co = awaiter()
                        """, "co");
        probe.awaiterFrame = coroutine.body().continuation().getFrame();
        AioException done = assertThrows(AioException.class, () -> coroutine.send(PyNone.NONE));
        assertEquals(BuiltinTypes.STOP_ITERATION, done.getPyType());
        assertEquals(Boolean.FALSE, probe.inAwaiterFrame);
    }

    @Test
    void aSuspendedGeneratorKeepsNoContinuationOfItsFirstSuspension() {
        PyGenerator generator = (PyGenerator) run("""
                        def numbers():
                            yield 1
                            yield 2

                        g = numbers()
                        next(g)
                        """, "g");
        assertEquals(List.of(), slotValues(generator.body()));
    }
}
