package dev.aio.nodes.builtins;

import com.oracle.truffle.api.dsl.NodeChild;
import com.oracle.truffle.api.frame.VirtualFrame;

import dev.aio.nodes.ExpressionNode;

/** The body of a builtin: specializations over its arguments, which child nodes read from the frame. */
@NodeChild(value = "arguments", type = ExpressionNode[].class)
public abstract class BuiltinNode extends ExpressionNode {
    @Override
    public abstract Object executeGeneric(VirtualFrame frame);
}
