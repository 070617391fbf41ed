package dev.aio.runtime;

/** A variable shared between a function and the closures nested in it. {@code null} value means unbound. */
public final class PyCell {
    public Object value;

    public PyCell(Object value) {
        this.value = value;
    }
}
