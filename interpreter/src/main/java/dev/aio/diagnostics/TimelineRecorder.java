package dev.aio.diagnostics;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.asyncio.Future;
import dev.aio.asyncio.Task;
import dev.aio.asyncio.TaskObserver;

/**
 * Records what each task does, for {@code --timeline}: when it was made, when its steps ran (in
 * loop time) and what it waits for after each step, and how it ended. Only exists when the option
 * is on: tasks and the loop hold {@code null} otherwise, so recording costs a null check.
 * Descriptions run no aio code (no user {@code __repr__}) and hold no object addresses, so under
 * the virtual clock the events of a run are the same every time.
 */
public final class TimelineRecorder implements TaskObserver {
    private static final int MAX_TEXT = 80;

    private final List<TimelineEvent> events = new ArrayList<>();
    /** The number of each task it watches, in the order they were made (weak: a task gone can report nothing more). */
    private final Map<Task, Integer> ids = new WeakHashMap<>();
    private int tasks;

    @Override
    @TruffleBoundary
    public void taskCreated(Task task, String name, String coroutine, double time) {
        int id = tasks++;
        ids.put(task, id);
        events.add(new TimelineEvent(TimelineEvent.Kind.CREATED, id, time, coroutine));
        events.add(new TimelineEvent(TimelineEvent.Kind.NAMED, id, time, name));
    }

    @Override
    @TruffleBoundary
    public boolean watches(Task task) {
        return ids.containsKey(task);
    }

    @Override
    @TruffleBoundary
    public void taskNamed(Task task, String name, double time) {
        events.add(new TimelineEvent(TimelineEvent.Kind.NAMED, ids.get(task), time, name));
    }

    @Override
    @TruffleBoundary
    public void stepStarted(Task task, double time) {
        events.add(new TimelineEvent(TimelineEvent.Kind.STEP_START, ids.get(task), time, null));
    }

    @Override
    @TruffleBoundary
    public void stepEnded(Task t, double time) {
        int task = ids.get(t);
        TimelineEvent.Kind kind;
        String text = null;
        if (t.isCancelled()) {
            kind = TimelineEvent.Kind.CANCELLED;
        } else if (t.isDone()) {
            PyBaseException e = t.getExceptionObject();
            kind = e != null ? TimelineEvent.Kind.FAILED : TimelineEvent.Kind.DONE;
            text = e != null ? describeException(e) : describeValue(t.resultValue());
        } else if (t.getFutureWaiter() != null) {
            Future f = t.getFutureWaiter();
            kind = f.isSleep() ? TimelineEvent.Kind.SLEEP : TimelineEvent.Kind.WAIT;
            text = f instanceof Task ? f.describeWait() : f.purpose() != null ? f.purpose() : "a future";
        } else {
            kind = TimelineEvent.Kind.YIELD;
        }
        events.add(new TimelineEvent(kind, task, time, text == null ? null : shorten(text)));
    }

    /** The events so far, in the order they happened. */
    public List<TimelineEvent> events() {
        return Collections.unmodifiableList(events);
    }

    private static String describeValue(Object v) {
        if (v == PyNone.NONE || v instanceof Boolean || v instanceof Long || v instanceof BigInteger || v instanceof Double || v instanceof String) {
            return PyOps.repr(v);
        }
        return "a " + PyOps.typeName(v) + " object";
    }

    private static String describeException(PyBaseException e) {
        Object[] args = e.getArgs().items();
        String name = e.getPyType().getName();
        return args.length == 1 && args[0] instanceof String s && !s.isEmpty() ? name + ": " + s : name;
    }

    private static String shorten(String s) {
        String line = s.replace('\n', ' ');
        return line.length() <= MAX_TEXT ? line : line.substring(0, MAX_TEXT - 1) + "…";
    }
}
