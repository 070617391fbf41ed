package dev.aio.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;

import dev.aio.parser.AioSyntaxError;
import dev.aio.parser.SourceDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aio check FILE...}: parses and compiles without running, reporting every file's first error. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Check scripts for syntax errors and constructs aio cannot run, without running them.",
                exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:no errors", "1:a file has an error", "2:a file cannot be read"})
public final class CheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scripts to check.")
    List<Path> files = new ArrayList<>();

    PrintStream out;
    PrintStream err;

    @Override
    public Integer call() {
        int status = 0;
        try (Context context = Context.newBuilder("aio").out(out).err(err).option("engine.WarnInterpreterOnly", "false").option("aio.CheckNames", "true").build()) {
            for (Path file : files) {
                String text;
                try {
                    text = SourceDecoder.decode(Files.readAllBytes(file), file.toString());
                } catch (NoSuchFileException e) {
                    err.println("aio: can't open file '" + file.toAbsolutePath() + "': [Errno 2] No such file or directory");
                    status = Math.max(status, 2);
                    continue;
                } catch (IOException e) {
                    err.println("aio: can't open file '" + file + "': " + e.getMessage());
                    status = Math.max(status, 2);
                    continue;
                } catch (AioSyntaxError e) {
                    err.print(e.format());
                    status = Math.max(status, 1);
                    continue;
                }
                try {
                    context.parse(Source.newBuilder("aio", text, file.toString()).buildLiteral());
                    out.println(file + ": ok");
                } catch (PolyglotException e) {
                    err.print(e.isSyntaxError() ? e.getMessage() : "aio: internal error — please report: " + e.getMessage() + "\n");
                    status = Math.max(status, 1);
                }
            }
        }
        return status;
    }
}
