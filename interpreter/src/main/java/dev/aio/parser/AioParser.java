package dev.aio.parser;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import dev.aio.ast.Module;
import dev.aio.ast.Pos;
import dev.aio.ast.Stmt;
import dev.aio.grammar.AioLexer;
import dev.aio.grammar.AioParserBase;
import dev.aio.grammar.LexicalException;
import dev.aio.kernel.InterpreterStack;

/** Source text → syntax tree, or an {@link AioSyntaxError} for the first problem, as CPython reports it. */
public final class AioParser {
    private AioParser() {
    }

    /**
     * Parses on a thread with aio's stack ({@link InterpreterStack}): the caller's, an embedder's
     * thread, may be too small for the deepest nesting CPython parses (200 brackets).
     */
    public static Module parse(String source, String fileName) {
        Module[] module = new Module[1];
        RuntimeException[] failure = new RuntimeException[1];
        Thread parser = new Thread(null, () -> {
            try {
                module[0] = parseHere(source, fileName);
            } catch (RuntimeException e) {
                failure[0] = e;
            } catch (StackOverflowError e) {
                failure[0] = new AioSyntaxError(fileName, "MemoryError", "", 0, 0, 0, null);
            }
        }, "aio-parser", InterpreterStack.BYTES);
        parser.start();
        boolean interrupted = false;
        while (parser.isAlive()) {
            try {
                parser.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return module[0];
    }

    /**
     * {@code eval}'s input must be one expression: anything else is CPython's "invalid syntax", at
     * the token where its expression grammar stops (an {@code =}, a {@code ;}, a keyword, the next line).
     */
    public static void checkExpression(Module module, String source, String fileName) {
        SourceLines lines = new SourceLines(source);
        if (module.body().isEmpty()) {
            throw new AioSyntaxError(fileName, "SyntaxError", "invalid syntax", 0, 0, 0, null);
        }
        Stmt first = module.body().get(0);
        Pos at;
        int length = 1;
        if (first instanceof Stmt.Assign a) {
            at = nextToken(lines, a.targets().get(0).pos());
        } else if (first instanceof Stmt.AugAssign a) {
            at = nextToken(lines, a.target().pos());
            length = 2;
        } else if (!(first instanceof Stmt.ExprStmt)) {
            at = first.pos();
            String line = lines.line(at.line());
            int end = at.col();
            while (end < line.length() && Character.isLetter(line.charAt(end))) {
                end++;
            }
            length = end - at.col();
        } else if (module.body().size() > 1) {
            Pos next = module.body().get(1).pos();
            at = next.line() == first.pos().endLine() ? nextToken(lines, first.pos()) : next;
        } else {
            return;
        }
        throw SyntaxErrors.at(fileName, lines, "SyntaxError", "invalid syntax", at.line(), at.col(), length);
    }

    /** Where the first token after {@code pos} starts, on the same line. */
    private static Pos nextToken(SourceLines lines, Pos pos) {
        String line = lines.line(pos.endLine());
        int col = pos.endCol();
        while (col < line.length() && Character.isWhitespace(line.charAt(col))) {
            col++;
        }
        return new Pos(pos.endLine(), col, pos.endLine(), col + 1);
    }

    private static Module parseHere(String source, String fileName) {
        SourceLines lines = new SourceLines(source);
        int nul = source.indexOf('\0');
        if (nul >= 0) {
            // CPython shows the line up to the null byte, without a caret.
            int line = lineAt(source, nul);
            String text = lines.line(line);
            throw new AioSyntaxError(fileName, "SyntaxError", "source code cannot contain null bytes", line, 0, 0, text.substring(0, text.indexOf('\0')));
        }
        try {
            dev.aio.grammar.AioParser.File_inputContext tree = parseTree(source, fileName, lines);
            return new AstBuilder(fileName, lines).module(tree);
        } catch (LexicalException e) {
            throw SyntaxErrors.lexical(fileName, lines, e);
        } catch (AioParserBase.ParserTooDeep e) {
            // CPython 3.11's parser reports its stack overflow as a bare MemoryError.
            throw new AioSyntaxError(fileName, "MemoryError", "", 0, 0, 0, null);
        }
    }

    /** The 1-based line of a character: lines end at \n, \r\n or \r, as {@link SourceLines} splits them. */
    private static int lineAt(String source, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            char c = source.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= source.length() || source.charAt(i + 1) != '\n')) {
                line++;
            }
        }
        return line;
    }

    /** Fast SLL prediction first; only input it rejects is parsed again with full LL and error reporting. */
    private static dev.aio.grammar.AioParser.File_inputContext parseTree(String source, String fileName, SourceLines lines) {
        dev.aio.grammar.AioParser parser = newParser(source, fileName, lines);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        parser.removeErrorListeners();
        try {
            return parser.file_input();
        } catch (ParseCancellationException e) {
            dev.aio.grammar.AioParser full = newParser(source, fileName, lines);
            full.setErrorHandler(new DefaultErrorStrategy());
            full.removeErrorListeners();
            full.addErrorListener(new SyntaxErrors.Listener(fileName, lines));
            return full.file_input();
        }
    }

    static dev.aio.grammar.AioParser newParser(String source, String fileName, SourceLines lines) {
        AioLexer lexer = new AioLexer(CharStreams.fromString(source, fileName));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new SyntaxErrors.Listener(fileName, lines));
        return new dev.aio.grammar.AioParser(new CommonTokenStream(lexer));
    }
}
