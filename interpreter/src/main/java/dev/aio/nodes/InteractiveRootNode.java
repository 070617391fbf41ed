package dev.aio.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;

import dev.aio.AioContext;
import dev.aio.AioLanguage;
import dev.aio.runtime.PyNone;

/**
 * Runs one REPL input (an interactive source) in the session's {@code __main__}, on the session's
 * loop thread, and waits for it; a {@code SystemExit} ends the session and the context.
 */
public final class InteractiveRootNode extends RootNode {
    private final AioRootNode input;

    public InteractiveRootNode(AioLanguage language, AioRootNode input) {
        super(language);
        this.input = input;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        AioContext context = AioContext.get(this);
        int status = context.replSession().run(input, this);
        if (status >= 0) {
            context.getEnv().getContext().closeExited(this, status);
        }
        return PyNone.NONE;
    }

    @Override
    public String getName() {
        return "<stdin>";
    }

    @Override
    public boolean isInternal() {
        return true;
    }
}
