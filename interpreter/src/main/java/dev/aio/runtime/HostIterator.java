package dev.aio.runtime;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.StopIterationException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** An interop iterator over a snapshot of items (a dict's entries, as a host iterates them). */
@ExportLibrary(InteropLibrary.class)
final class HostIterator implements TruffleObject {
    private final Object[] items;
    private int next;

    HostIterator(Object[] items) {
        this.items = items;
    }

    @ExportMessage
    boolean isIterator() {
        return true;
    }

    @ExportMessage
    boolean hasIteratorNextElement() {
        return next < items.length;
    }

    @ExportMessage
    Object getIteratorNextElement() throws StopIterationException {
        if (next >= items.length) {
            throw StopIterationException.create();
        }
        return items[next++];
    }
}
