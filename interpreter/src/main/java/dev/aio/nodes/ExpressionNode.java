package dev.aio.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

/** An AST node that produces a value; builtins are made of these. */
public abstract class ExpressionNode extends Node {
    public abstract Object executeGeneric(VirtualFrame frame);
}
