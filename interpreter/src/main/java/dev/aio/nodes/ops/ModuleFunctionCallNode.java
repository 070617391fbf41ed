package dev.aio.nodes.ops;

import java.util.Arrays;

import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.GenerateInline;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.Node;

import dev.aio.runtime.BuiltinSpec;
import dev.aio.runtime.PyBuiltinFunction;

/**
 * The call of a module's function found by {@code CallMethod} ({@code asyncio.sleep(0)}). The
 * operation's operands hold the arguments from index 2 (slot 1 is a method's receiver), where the
 * callee's frame wants them from 1, so they are copied once: for a builtin whose optional
 * parameters are left out, straight into the array of all its slots, the missing ones
 * {@code Missing} ({@link CallOps.CallNode#optionalTailSlots}), where passing them on to
 * {@link CallOps.CallNode} would copy them twice.
 */
@GenerateInline(false)
public abstract class ModuleFunctionCallNode extends Node {
    /** The index of the first argument in the operation's operands. */
    private static final int FIRST = 2;

    public abstract Object execute(Object function, Object[] operands);

    @Specialization(guards = {"b.getSpec() == cachedSpec", "leavesOptionalOut(cachedSpec, operands)"}, limit = "3")
    static Object doBuiltinOptionalTail(PyBuiltinFunction b, Object[] operands,
                    @Cached("b.getSpec()") BuiltinSpec cachedSpec,
                    @Cached("create(b.getCallTarget())") DirectCallNode callNode,
                    @Bind Node node) {
        return CallOps.CallNode.callBuiltin(cachedSpec, callNode, CallOps.CallNode.optionalTailSlots(b, cachedSpec, operands, FIRST, operands.length - FIRST), node);
    }

    static boolean leavesOptionalOut(BuiltinSpec spec, Object[] operands) {
        return CallOps.CallNode.takesOptionalTail(spec, operands.length - FIRST);
    }

    @Specialization
    static Object doCall(Object function, Object[] operands,
                    @Cached CallOps.CallNode call) {
        return call.execute(function, Arrays.copyOfRange(operands, FIRST - 1, operands.length));
    }
}
