package dev.aio.asyncio;

import java.util.ArrayList;
import java.util.List;

/**
 * The tasks of a loop that are not done, in the order they were made (CPython's
 * {@code asyncio.tasks._all_tasks}, a weak set): a list linked through the tasks themselves, so
 * that a task costs its registry two references and no entry of its own.
 */
final class TaskList {
    private Task first;
    private Task last;
    private int size;

    void add(Task task) {
        task.previousInLoop = last;
        task.nextInLoop = null;
        if (last == null) {
            first = task;
        } else {
            last.nextInLoop = task;
        }
        last = task;
        size++;
    }

    /** Takes {@code task} out, if it is in. */
    void remove(Task task) {
        if (task.previousInLoop == null && first != task) {
            return;
        }
        if (task.previousInLoop == null) {
            first = task.nextInLoop;
        } else {
            task.previousInLoop.nextInLoop = task.nextInLoop;
        }
        if (task.nextInLoop == null) {
            last = task.previousInLoop;
        } else {
            task.nextInLoop.previousInLoop = task.previousInLoop;
        }
        task.previousInLoop = null;
        task.nextInLoop = null;
        size--;
    }

    int size() {
        return size;
    }

    List<Task> toList() {
        List<Task> tasks = new ArrayList<>(size);
        for (Task t = first; t != null; t = t.nextInLoop) {
            tasks.add(t);
        }
        return tasks;
    }
}
