package dev.aio.runtime;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.source.SourceSection;

import dev.aio.nodes.ops.Traceback;

/**
 * {@code e.__traceback__}: the frames an exception had unwound through when it was read. Setting
 * it back ({@code e.__traceback__ = tb}, {@code e.with_traceback(tb)}) restores them, which is how
 * a context manager that rethrew the exception into a generator hides that detour, as in CPython.
 */
public final class PyTraceback extends PyObject {
    public static final PyType TYPE = new PyType("traceback", "builtins", BuiltinTypes.OBJECT);

    private List<Traceback.Entry> entries;

    private PyTraceback(List<Traceback.Entry> entries) {
        this.entries = entries;
    }

    /** The frames, innermost first (the order of {@link PyBaseException#traceback()}). */
    public List<Traceback.Entry> entries() {
        return entries;
    }

    /** The traceback of {@code e} as it stands, or None when it has not been raised. */
    public static Object of(PyBaseException e) {
        return e.traceback().isEmpty() ? PyNone.NONE : new PyTraceback(List.copyOf(e.traceback()));
    }

    /** {@code e.__traceback__ = tb}. */
    public static void set(PyBaseException e, Object tb) {
        if (tb != PyNone.NONE && !(tb instanceof PyTraceback)) {
            throw PyErrors.typeError("__traceback__ must be a traceback or None");
        }
        e.traceback().clear();
        if (tb instanceof PyTraceback t) {
            e.traceback().addAll(t.entries);
        }
    }

    /**
     * The frame this traceback object stands for: the outermost one recorded, where the exception
     * was caught ({@code tb_next} leads inwards to where it was raised, as in CPython).
     */
    public Traceback.Entry entry() {
        return entries.get(entries.size() - 1);
    }

    /** {@code tb.tb_lineno}: the line the frame was running. */
    public long line() {
        Traceback.Entry e = entry();
        SourceSection s = e.bytecode() == null ? null : e.bytecode().getSourceLocation(e.bytecodeIndex());
        return s == null || !s.isAvailable() ? e.root().getCode().firstLine() : s.getStartLine();
    }

    /** {@code tb.tb_next}: the traceback of the frame it called, or None at the frame that raised. */
    public Object next() {
        return entries.size() > 1 ? new PyTraceback(List.copyOf(entries.subList(0, entries.size() - 1))) : PyNone.NONE;
    }

    /**
     * {@code tb.tb_next = next}: this frame now leads to {@code next} (None ends the traceback
     * here), as unittest does to cut its own frames off a failure's traceback.
     */
    public void setNext(Object next) {
        if (next != PyNone.NONE && !(next instanceof PyTraceback)) {
            throw PyErrors.typeError("expected traceback object, got '" + PyOps.typeName(next) + "'");
        }
        List<Traceback.Entry> linked = new ArrayList<>();
        if (next instanceof PyTraceback t) {
            linked.addAll(t.entries);
        }
        linked.add(entry());
        entries = List.copyOf(linked);
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }
}
