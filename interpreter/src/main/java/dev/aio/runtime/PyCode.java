package dev.aio.runtime;

import java.util.concurrent.atomic.AtomicInteger;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.bytecode.ContinuationResult;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.nodes.RootNode;

/** The compiled body of a {@code def}, {@code async def}, lambda or module: what functions made from it share ({@code f.__code__}). */
public final class PyCode extends PyObject {
    private final RootNode root;
    private final String name;
    private final String qualName;
    private final Signature signature;
    private final boolean isCoroutine;
    private final boolean isGenerator;
    private final String fileName;
    private final int firstLine;
    private String[] localNames = {};
    /** The docstring: the body's first statement when it is a string literal. */
    private String doc;
    /** How many slots this code's nodes have taken in the inline caches of its functions ({@link PyFunction#cacheSlot}). */
    private final AtomicInteger cacheSlots = new AtomicInteger();
    /** The frame slot where a call's first suspension leaves its continuation ({@link #forgetStartSuspension}); -1 until found. */
    @CompilationFinal private int startSuspensionSlot = -1;

    public PyCode(RootNode root, String name, String qualName, Signature signature, boolean isCoroutine, String fileName, int firstLine) {
        this(root, name, qualName, signature, isCoroutine, false, fileName, firstLine);
    }

    public PyCode(RootNode root, String name, String qualName, Signature signature, boolean isCoroutine, boolean isGenerator, String fileName, int firstLine) {
        this.root = root;
        this.name = name;
        this.qualName = qualName;
        this.signature = signature;
        this.isCoroutine = isCoroutine;
        this.isGenerator = isGenerator;
        this.fileName = fileName;
        this.firstLine = firstLine;
    }

    /** The names of the function's local variables, parameters first (CPython's {@code co_varnames}). */
    public String[] localNames() {
        return localNames;
    }

    public void setLocalNames(String[] localNames) {
        this.localNames = localNames;
    }

    public String doc() {
        return doc;
    }

    public void setDoc(String doc) {
        this.doc = doc;
    }

    /**
     * A new slot in the per-function inline caches of this code, for a node that must not hold
     * one context's objects itself (the code serves every context of a shared engine).
     */
    public int newCacheSlot() {
        return cacheSlots.getAndIncrement();
    }

    public int cacheSlotCount() {
        return cacheSlots.get();
    }

    /**
     * Clears the frame slot where the prologue's suspension of a coroutine or generator left
     * {@code start}, its continuation, so that the suspended body does not keep it once it moved
     * on. The Bytecode DSL stores a suspension's {@code ContinuationResult} in the frame's stack;
     * only the first suspension runs in the body's own frame, the later ones in their
     * continuation's frame, which nothing keeps (see {@code AioRootNode.AwaitPending}). The slot is
     * the same for every call of this code, so it is looked for once.
     */
    public void forgetStartSuspension(ContinuationResult start) {
        MaterializedFrame frame = start.getFrame();
        int slot = startSuspensionSlot;
        if (slot < 0) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            slot = slotHolding(frame, start);
            startSuspensionSlot = slot;
        }
        if (slot < frame.getFrameDescriptor().getNumberOfSlots()) {
            frame.setObject(slot, null);
        }
    }

    /** The slot of {@code frame} that holds {@code value}, or past the last slot if none does. */
    private static int slotHolding(MaterializedFrame frame, Object value) {
        int slots = frame.getFrameDescriptor().getNumberOfSlots();
        for (int i = slots - 1; i >= 0; i--) {
            if (frame.getTag(i) == FrameSlotKind.Object.tag && frame.getObject(i) == value) {
                return i;
            }
        }
        return slots;
    }

    public RootCallTarget callTarget() {
        return root.getCallTarget();
    }

    public RootNode root() {
        return root;
    }

    public String name() {
        return name;
    }

    public String qualName() {
        return qualName;
    }

    public Signature signature() {
        return signature;
    }

    public boolean isCoroutine() {
        return isCoroutine;
    }

    /** A {@code def} with {@code yield} (a generator), or an {@code async def} with it (an async generator). */
    public boolean isGenerator() {
        return isGenerator;
    }

    public String fileName() {
        return fileName;
    }

    public int firstLine() {
        return firstLine;
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.CODE;
    }

    @Override
    public String repr() {
        return "<code object " + name + " at " + Ids.address(this) + ", file \"" + fileName + "\", line " + firstLine + ">";
    }
}
