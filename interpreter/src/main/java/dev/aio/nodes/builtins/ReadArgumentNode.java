package dev.aio.nodes.builtins;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.aio.nodes.ExpressionNode;

/** Reads one argument slot of a builtin's frame (slot 0 of the frame arguments is the callee). */
public final class ReadArgumentNode extends ExpressionNode {
    private final int index;

    public ReadArgumentNode(int slot) {
        this.index = slot + 1;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return frame.getArguments()[index];
    }
}
