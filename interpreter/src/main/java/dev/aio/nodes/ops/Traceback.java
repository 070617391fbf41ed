package dev.aio.nodes.ops;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.BytecodeNode;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

import dev.aio.ast.Expr;
import dev.aio.ast.Module;
import dev.aio.ast.Stmt;
import dev.aio.nodes.AioRootNode;
import dev.aio.parser.AioParser;
import dev.aio.runtime.AioException;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.Suggestions;
import dev.aio.runtime.PyType;

/**
 * Python tracebacks. Each aio frame an exception unwinds through is recorded on the exception
 * object (as CPython's {@code tb_next} chain grows), and the report is printed in CPython 3.11's
 * format, including the {@code ^^^}/{@code ~~^~~} markers under the failing expression.
 */
public final class Traceback {
    private Traceback() {
    }

    /** One frame of a traceback: where in which code the exception passed. */
    public record Entry(AioRootNode root, BytecodeNode bytecode, int bytecodeIndex, Object frameToken) {
    }


    /** Adds a frame unless the exception is still in the frame it was last recorded in (a re-raise). */
    @TruffleBoundary
    public static void recordFrame(AioException e, AioRootNode root, BytecodeNode bytecode, int bytecodeIndex, Object frameToken) {
        List<Entry> entries = e.getException().traceback();
        if (!entries.isEmpty()) {
            Entry last = entries.get(entries.size() - 1);
            if (frameToken != null && last.frameToken() == frameToken) {
                return;
            }
        }
        entries.add(new Entry(root, bytecode, bytecodeIndex, frameToken));
    }

    /** The whole report, with chained causes and contexts, as CPython 3.11's {@code traceback} module formats it (also for logging). */
    @TruffleBoundary
    public static String format(PyBaseException exception) {
        Printer printer = new Printer(false);
        printer.print(exception);
        return printer.out.toString();
    }

    /**
     * As {@link #format}, with {@code frames} (innermost first) in place of the exception's own
     * traceback, and without its causes and contexts unless {@code chain}: CPython's
     * {@code TracebackException(type, value, tb).format(chain=...)}, which unittest calls with a
     * traceback it has cut.
     */
    @TruffleBoundary
    public static String format(PyBaseException exception, List<Entry> frames, boolean chain) {
        Printer printer = new Printer(false);
        printer.replaceFrames(exception, frames);
        if (chain) {
            printer.print(exception);
        } else {
            printer.printOne(exception);
        }
        return printer.out.toString();
    }

    /**
     * The report of an uncaught exception, as CPython 3.11's {@code sys.excepthook} prints it: as
     * {@link #format}, with the "Did you mean" suggestions of NameError and AttributeError (which
     * 3.11's {@code traceback} module does not add).
     */
    @TruffleBoundary
    public static String formatUncaught(PyBaseException exception) {
        Printer printer = new Printer(true);
        printer.print(exception);
        return printer.out.toString();
    }

    /**
     * CPython 3.11's exception printer: chained exceptions first, and exception groups as a tree of
     * numbered boxes, each level indented and marked with {@code |} (traceback.py's
     * {@code _ExceptionPrintContext}).
     */
    private static final class Printer {
        private static final int RECURSIVE_CUTOFF = 3;

        private static final int MAX_GROUP_WIDTH = 15;
        private static final int MAX_GROUP_DEPTH = 10;
        private final StringBuilder out = new StringBuilder();
        private final IdentityHashMap<PyBaseException, Boolean> seen = new IdentityHashMap<>();
        private int groupDepth;
        private boolean needClose;
        private final boolean suggestions;

        /** The exception whose frames are given in place of its own traceback, if any. */
        private PyBaseException replaced;
        private List<Entry> replacement;

        Printer(boolean suggestions) {
            this.suggestions = suggestions;
        }

        void replaceFrames(PyBaseException e, List<Entry> frames) {
            replaced = e;
            replacement = frames;
        }

        private List<Entry> frames(PyBaseException e) {
            return e == replaced ? replacement : e.traceback();
        }

        private String indent() {
            return " ".repeat(2 * groupDepth);
        }

        /** Writes {@code text} with every line indented (and marked) for the current group depth. */
        private void emit(String text, char margin) {
            String prefix = groupDepth == 0 ? "" : indent() + margin + " ";
            for (String line : text.split("(?<=\n)")) {
                out.append(prefix).append(line);
            }
        }

        private void emit(String text) {
            emit(text, '|');
        }

        /** The exception's line, its suggestion if any, and the lines of its notes. */
        private void emitExceptionLine(PyBaseException e) {
            emit(formatExceptionOnly(e) + (suggestions ? Suggestions.forException(e) : "") + "\n");
            for (String note : notes(e)) {
                emit(note);
            }
        }

        void print(PyBaseException exception) {
            List<PyBaseException> chain = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            for (PyBaseException e = exception; e != null;) {
                seen.put(e, Boolean.TRUE);
                PyBaseException next = null;
                String message = null;
                if (e.getCause() != null && !seen.containsKey(e.getCause())) {
                    next = e.getCause();
                    message = "\nThe above exception was the direct cause of the following exception:\n\n";
                } else if (e.getContext() != null && !e.isSuppressContext() && !seen.containsKey(e.getContext())) {
                    next = e.getContext();
                    message = "\nDuring handling of the above exception, another exception occurred:\n\n";
                }
                chain.add(e);
                messages.add(message);
                e = next;
            }
            for (int i = chain.size() - 1; i >= 0; i--) {
                if (messages.get(i) != null) {
                    emit(messages.get(i));
                }
                printOne(chain.get(i));
            }
        }

        void printOne(PyBaseException e) {
            if (!e.isGroup()) {
                if (!frames(e).isEmpty()) {
                    emit("Traceback (most recent call last):\n");
                    emit(stack(frames(e)));
                }
                if (e.getSyntaxLocation() != null) {
                    emit(e.getSyntaxLocation());
                }
                emitExceptionLine(e);
            } else if (groupDepth > MAX_GROUP_DEPTH) {
                emit("... (max_group_depth is " + MAX_GROUP_DEPTH + ")\n");
            } else {
                printGroup(e);
            }
        }

        private void printGroup(PyBaseException group) {
            boolean topLevel = groupDepth == 0;
            if (topLevel) {
                groupDepth++;
            }
            if (!frames(group).isEmpty()) {
                emit("Exception Group Traceback (most recent call last):\n", topLevel ? '+' : '|');
                emit(stack(frames(group)));
            }
            emitExceptionLine(group);
            Object[] members = group.groupExceptions().items();
            int shown = members.length <= MAX_GROUP_WIDTH ? members.length : MAX_GROUP_WIDTH + 1;
            needClose = false;
            for (int i = 0; i < shown; i++) {
                boolean last = i == shown - 1;
                if (last) {
                    needClose = true;
                }
                boolean truncated = i >= MAX_GROUP_WIDTH;
                String title = truncated ? "..." : String.valueOf(i + 1);
                out.append(indent()).append(i == 0 ? "+-" : "  ").append("+---------------- ").append(title).append(" ----------------\n");
                groupDepth++;
                if (!truncated) {
                    print((PyBaseException) members[i]);
                } else {
                    int remaining = members.length - MAX_GROUP_WIDTH;
                    emit("and " + remaining + " more exception" + (remaining > 1 ? "s" : "") + "\n");
                }
                if (last && needClose) {
                    out.append(indent()).append("+------------------------------------\n");
                    needClose = false;
                }
                groupDepth--;
            }
            if (topLevel) {
                groupDepth = 0;
            }
        }

        /** The frames, outermost first; a run of identical frames (recursion) is cut after three, as CPython does. */
        private static String stack(List<Entry> entries) {
            StringBuilder sb = new StringBuilder();
            String last = null;
            int count = 0;
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (isStdlibFrame(entries.get(i))) {
                    continue;
                }
                StringBuilder frame = new StringBuilder();
                formatEntry(frame, entries.get(i));
                String text = frame.toString();
                if (!text.equals(last)) {
                    appendRepeated(sb, count);
                    last = text;
                    count = 0;
                }
                count++;
                if (count <= RECURSIVE_CUTOFF) {
                    sb.append(text);
                }
            }
            appendRepeated(sb, count);
            return sb.toString();
        }

        private static void appendRepeated(StringBuilder sb, int count) {
            if (count > RECURSIVE_CUTOFF) {
                int more = count - RECURSIVE_CUTOFF;
                sb.append("  [Previous line repeated ").append(more).append(" more time").append(more > 1 ? "s" : "").append("]\n");
            }
        }
    }

    /** {@code ValueError: message}, or {@code asyncio.exceptions.CancelledError} for types outside builtins. */
    public static String formatExceptionOnly(PyBaseException e) {
        PyType type = e.getPyType();
        String module = type.getModule();
        String name = module.equals("builtins") || module.equals("__main__") ? type.getName() : module + "." + type.getName();
        String message;
        try {
            message = e.getSyntaxLocation() != null ? PyOps.str(e.getArgs().get(0)) : e.str();
        } catch (AioException failed) {
            message = "<exception str() failed>";
        }
        return message.isEmpty() ? name : name + ": " + message;
    }

    /**
     * The lines under the exception's own line that print its {@code __notes__} (PEP 678), each
     * ending in a newline, as CPython 3.11's {@code print_exception_notes}: each note's
     * {@code str()}, or the {@code repr()} of {@code __notes__} if it is not a sequence.
     */
    @TruffleBoundary
    public static List<String> notes(PyBaseException e) {
        Object notes = e.dict().get("__notes__");
        List<String> lines = new ArrayList<>();
        if (notes == null) {
            return lines;
        }
        if (!(notes instanceof PyList) && !(notes instanceof PyTuple)) {
            lines.add(safeText(notes, true, "<__notes__ repr() failed>") + "\n");
            return lines;
        }
        for (Object note : Iteration.toArray(notes)) {
            for (String line : safeText(note, false, "<note str() failed>").split("\n", -1)) {
                lines.add(line + "\n");
            }
        }
        return lines;
    }

    private static String safeText(Object o, boolean repr, String failed) {
        try {
            return repr ? PyOps.repr(o) : PyOps.str(o);
        } catch (AioException e) {
            return failed;
        }
    }

    /**
     * Frames of aio's own library modules written in aio (asyncio's TaskGroup, dataclasses) are
     * left out, as the asyncio internals of a task's traceback are (examples/generate-expected.sh
     * drops CPython's library frames likewise).
     */
    private static boolean isStdlibFrame(Entry entry) {
        return entry.root().getCode() != null && entry.root().getCode().fileName().startsWith("<aio>/");
    }

    private static void formatEntry(StringBuilder sb, Entry entry) {
        SourceSection section = entry.bytecode().getSourceLocation(entry.bytecodeIndex());
        String name = entry.root().getCode() == null ? "<module>" : entry.root().getCode().name();
        if (section == null || !section.isAvailable()) {
            sb.append("  File \"").append(entry.root().getCode() == null ? "<unknown>" : entry.root().getCode().fileName()).append("\", in ").append(name).append('\n');
            return;
        }
        Source source = section.getSource();
        int line = section.getStartLine();
        sb.append("  File \"").append(source.getName()).append("\", line ").append(line).append(", in ").append(name).append('\n');
        if (source.getName().matches("<[^/]*>")) {
            // Like CPython's linecache: no source line for code that is not a file (-c, stdin).
            return;
        }
        String original = source.getCharacters(line).toString();
        String stripped = original.strip();
        if (stripped.isEmpty()) {
            return;
        }
        sb.append("    ").append(stripped).append('\n');
        appendMarkers(sb, original, stripped, section);
    }

    /** CPython 3.11's rule: markers only when the failing expression does not span the whole line. */
    private static void appendMarkers(StringBuilder sb, String line, String stripped, SourceSection section) {
        int start = section.getStartColumn() - 1;
        int end;
        Anchors anchors = null;
        boolean singleLine = section.getEndLine() == section.getStartLine();
        if (singleLine) {
            end = Math.min(line.length(), section.getEndColumn());
            anchors = anchors(line.substring(start, end));
        } else {
            end = line.stripTrailing().length();
        }
        if (end - start >= stripped.length() && (anchors == null || anchors.rightStart - anchors.leftEnd <= 0)) {
            return;
        }
        int strippedChars = line.length() - line.stripLeading().length();
        int dpStart = displayWidth(line, start);
        int dpEnd = displayWidth(line, end);
        sb.append("    ").append(" ".repeat(Math.max(0, dpStart - strippedChars)));
        if (anchors != null) {
            String segment = line.substring(start, end);
            int leftEnd = displayWidth(segment, anchors.leftEnd);
            int rightStart = displayWidth(segment, anchors.rightStart);
            sb.append(String.valueOf(anchors.primary).repeat(leftEnd));
            sb.append(String.valueOf(anchors.secondary).repeat(rightStart - leftEnd));
            sb.append(String.valueOf(anchors.primary).repeat(Math.max(0, dpEnd - dpStart - rightStart)));
        } else {
            sb.append("^".repeat(Math.max(0, dpEnd - dpStart)));
        }
        sb.append('\n');
    }

    private record Anchors(int leftEnd, int rightStart, char primary, char secondary) {
    }

    /** For a binary operation, {@code ~} under the operands and {@code ^} under the operator; for a subscript, {@code ^} under the brackets. */
    private static Anchors anchors(String segment) {
        Module m;
        try {
            m = AioParser.parse(segment, "<segment>");
        } catch (RuntimeException e) {
            return null;
        }
        if (m.body().size() != 1 || !(m.body().get(0) instanceof Stmt.ExprStmt stmt)) {
            return null;
        }
        if (stmt.value() instanceof Expr.BinOp bin) {
            int operatorStart = bin.left().pos().endCol();
            int operatorEnd = bin.right().pos().col();
            String operator = segment.substring(offset(segment, operatorStart), offset(segment, operatorEnd));
            int operatorOffset = operator.length() - operator.stripLeading().length();
            int left = bin.left().pos().endCol() + operatorOffset;
            int right = left + 1;
            if (operatorOffset + 1 < operator.length() && !Character.isWhitespace(operator.charAt(operatorOffset + 1))) {
                right++;
            }
            while (left < segment.length() && (Character.isWhitespace(segment.charAt(left)) || segment.charAt(left) == ')' || segment.charAt(left) == '#')) {
                left++;
                right++;
            }
            return new Anchors(offset(segment, left), offset(segment, right), '~', '^');
        }
        if (stmt.value() instanceof Expr.Subscript sub) {
            int left = offset(segment, sub.value().pos().endCol());
            int right = offset(segment, sub.slice().pos().endCol() + 1);
            while (left < segment.length() && segment.charAt(left) != '[') {
                left++;
            }
            while (right < segment.length() && segment.charAt(right) != ']') {
                right++;
            }
            if (right < segment.length()) {
                right++;
            }
            return new Anchors(left, right, '~', '^');
        }
        return null;
    }

    /** A code point column as a UTF-16 index. */
    private static int offset(String s, int codePoints) {
        return s.offsetByCodePoints(0, Math.min(codePoints, s.codePointCount(0, s.length())));
    }

    /** Terminal columns of {@code line[0:offset]}: East Asian wide and fullwidth characters take two. */
    private static int displayWidth(String line, int offset) {
        int width = 0;
        for (int i = 0; i < offset && i < line.length();) {
            int cp = line.codePointAt(i);
            width += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
                        (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

}
