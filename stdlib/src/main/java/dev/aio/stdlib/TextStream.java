package dev.aio.stdlib;

import java.io.PrintStream;

import dev.aio.AioContext;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyType;

/** {@code sys.stdout} / {@code sys.stderr}: text written to the context's streams. */
public final class TextStream extends PyObject {
    static final PyType TYPE = new PyType("TextIOWrapper", "_io");

    private final String name;
    private final boolean isError;

    TextStream(String name, boolean isError) {
        this.name = name;
        this.isError = isError;
    }

    String displayName() {
        return "<" + name + ">";
    }

    PrintStream stream(AioContext context) {
        if (isError) {
            context.out().flush();
            return context.err();
        }
        return context.out();
    }

    void write(AioContext context, String text) {
        stream(context).print(text);
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    @Override
    public String repr() {
        return "<_io.TextIOWrapper name='<" + name + ">' mode='w' encoding='utf-8'>";
    }
}
