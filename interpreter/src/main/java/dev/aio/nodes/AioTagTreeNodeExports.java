package dev.aio.nodes;

import com.oracle.truffle.api.bytecode.TagTreeNode;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.interop.NodeLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * What tools (the debugger) see of an aio frame at a tagged node: its variables ({@link AioScope}),
 * read from the coroutine's own frame when the code runs as a resumed continuation.
 */
@ExportLibrary(value = NodeLibrary.class, receiverType = TagTreeNode.class)
@SuppressWarnings({"static-method", "unused"})
final class AioTagTreeNodeExports {
    private AioTagTreeNodeExports() {
    }

    @ExportMessage
    static boolean hasScope(TagTreeNode node, Frame frame) {
        return true;
    }

    @ExportMessage
    static Object getScope(TagTreeNode node, Frame frame, boolean nodeEnter) {
        int bci = nodeEnter ? node.getEnterBytecodeIndex() : node.getReturnBytecodeIndex();
        return new AioScope(node.getBytecodeNode(), bci, frame == null ? null : AioRootNode.localsFrame(frame));
    }
}
