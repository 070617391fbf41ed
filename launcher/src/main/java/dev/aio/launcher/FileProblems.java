package dev.aio.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** Why a file the launcher is to write cannot be written, said as CPython's OSError says it. */
final class FileProblems {
    private FileProblems() {
    }

    /** Creates (or empties) {@code file} to find out; null when it can be written, else the reason. */
    static String cannotWrite(Path file) {
        if (Files.isDirectory(file)) {
            return "[Errno 21] Is a directory";
        }
        try (OutputStream o = Files.newOutputStream(file)) {
            return null;
        } catch (NoSuchFileException e) {
            return "[Errno 2] No such file or directory";
        } catch (AccessDeniedException e) {
            return "[Errno 13] Permission denied";
        } catch (NotDirectoryException e) {
            return "[Errno 20] Not a directory";
        } catch (FileSystemException e) {
            return e.getReason() != null ? e.getReason() : e.getMessage();
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
