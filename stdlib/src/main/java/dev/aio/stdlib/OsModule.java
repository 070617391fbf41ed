package dev.aio.stdlib;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyBytesLike;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyValueInstance;

/**
 * {@code _os}: the file-system primitives under aio's {@code os} and {@code os.path} (written in
 * aio), all through Truffle's {@link TruffleFile} so that an embedder's IO policy applies.
 */
public final class OsModule {
    private OsModule() {
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("_os");
        m.defineFunctions(context.getLanguage(), OsModuleFactory.getFactories());
        m.defineFunctions(context.getLanguage(), OsDescriptorsFactory.getFactories());
        PyDict environ = new PyDict();
        try {
            context.getEnv().getEnvironment().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> environ.put(e.getKey(), e.getValue()));
        } catch (SecurityException e) {
            // No environment access: an empty os.environ.
        }
        m.put("environ", environ);
        return m;
    }

    private static String path(Object p, String function) {
        if (!(TextFile.fspath(p) instanceof String s)) {
            throw PyErrors.typeError(function + ": path should be string, bytes or os.PathLike, not " + PyOps.typeName(p));
        }
        return s;
    }

    private static TruffleFile file(String path) {
        return TextFile.resolve(AioContext.get(null), path);
    }

    @Builtin(name = "getcwd")
    @GenerateNodeFactory
    abstract static class GetCwdNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doGetCwd() {
            try {
                return AioContext.get(null).getEnv().getCurrentWorkingDirectory().getPath();
            } catch (SecurityException e) {
                throw TextFile.noAccess(".");
            }
        }
    }

    @Builtin(name = "listdir", params = {"path"})
    @GenerateNodeFactory
    abstract static class ListDirNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doListDir(Object p) {
            String path = path(p, "listdir");
            try {
                List<Object> names = new ArrayList<>();
                for (TruffleFile f : file(path).list()) {
                    names.add(f.getName());
                }
                return new PyList(names);
            } catch (IOException | SecurityException e) {
                throw TextFile.fileError(e, path);
            }
        }
    }

    @Builtin(name = "stat_kind", params = {"path", "follow_symlinks"}, required = 1)
    @GenerateNodeFactory
    abstract static class StatKindNode extends BuiltinNode {
        /**
         * "file", "dir", "socket" (a Unix domain socket's file), "other", or None when nothing is
         * there; with {@code follow_symlinks=False}, "symlink" for a symbolic link itself.
         */
        @Specialization
        @TruffleBoundary
        static Object doKind(Object p, Object follow) {
            String path = path(p, "stat");
            try {
                TruffleFile f = file(path);
                LinkOption[] links = Args.given(follow) && !PyOps.isTrue(follow) ? new LinkOption[]{LinkOption.NOFOLLOW_LINKS} : new LinkOption[0];
                if (!f.exists(links)) {
                    return PyNone.NONE;
                }
                if (links.length > 0 && f.isSymbolicLink()) {
                    return "symlink";
                }
                return f.isDirectory() ? "dir" : f.isRegularFile() ? "file" : isSocket(f) ? "socket" : "other";
            } catch (SecurityException e) {
                throw TextFile.noAccess(path);
            }
        }
    }

    /** S_ISSOCK of the file's mode. */
    private static boolean isSocket(TruffleFile f) {
        try {
            return (f.getAttribute(TruffleFile.UNIX_MODE) & 0170000) == 0140000;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    @Builtin(name = "getsize", params = {"path"})
    @GenerateNodeFactory
    abstract static class GetSizeNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doSize(Object p) {
            String path = path(p, "stat");
            try {
                TruffleFile f = file(path);
                if (!f.exists()) {
                    throw PyErrors.osError(2, "No such file or directory", path);
                }
                return f.size();
            } catch (IOException | SecurityException e) {
                throw TextFile.fileError(e, path);
            }
        }
    }

    /**
     * {@code os.stat}: the fields of CPython's {@code stat_result} by index, (mode, ino, dev, nlink,
     * uid, gid, size, atime_ns, mtime_ns, ctime_ns), then st_rdev; os.stat_result (in aio) names
     * them and makes the float times.
     */
    @Builtin(name = "stat", params = {"path", "follow_symlinks"}, required = 1)
    @GenerateNodeFactory
    abstract static class StatNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doStat(Object p, Object follow) {
            String path = path(p, "stat");
            LinkOption[] links = Args.given(follow) && !PyOps.isTrue(follow) ? new LinkOption[]{LinkOption.NOFOLLOW_LINKS} : new LinkOption[0];
            return statFields(path, links, -1);
        }
    }

    /** The fields {@code os.stat} gives of {@code path}; its size {@code size} when that is known better (an open file's channel), else -1. */
    @TruffleBoundary
    static PyTuple statFields(String path, LinkOption[] links, long size) {
        try {
            TruffleFile f = file(path);
            if (!f.exists(links)) {
                throw PyErrors.osError(2, "No such file or directory", path);
            }
            return PyTuple.of((long) f.getAttribute(TruffleFile.UNIX_MODE, links), f.getAttribute(TruffleFile.UNIX_INODE, links), f.getAttribute(TruffleFile.UNIX_DEV, links),
                            (long) f.getAttribute(TruffleFile.UNIX_NLINK, links), (long) f.getAttribute(TruffleFile.UNIX_UID, links), (long) f.getAttribute(TruffleFile.UNIX_GID, links),
                            size >= 0 ? size : f.getAttribute(TruffleFile.SIZE, links), nanos(f.getAttribute(TruffleFile.LAST_ACCESS_TIME, links)),
                            nanos(f.getAttribute(TruffleFile.LAST_MODIFIED_TIME, links)), nanos(f.getAttribute(TruffleFile.UNIX_CTIME, links)), f.getAttribute(TruffleFile.UNIX_RDEV, links));
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            throw TextFile.fileError(e, path);
        }
    }

    private static long nanos(FileTime time) {
        return time.to(TimeUnit.NANOSECONDS);
    }

    /** The whole content of a file as bytes (pathlib's read_bytes: aio's open() has no binary mode yet). */
    @Builtin(name = "read_bytes", params = {"path"})
    @GenerateNodeFactory
    abstract static class ReadBytesNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRead(Object p) {
            String path = path(p, "open");
            try {
                TruffleFile f = file(path);
                if (f.isDirectory()) {
                    throw PyErrors.osError(21, "Is a directory", path);
                }
                return new PyBytes(f.readAllBytes());
            } catch (IOException | SecurityException e) {
                throw TextFile.fileError(e, path);
            }
        }
    }

    /** Creates or truncates the file and writes the bytes; how many were written (pathlib's write_bytes). */
    @Builtin(name = "write_bytes", params = {"path", "data"})
    @GenerateNodeFactory
    abstract static class WriteBytesNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doWrite(Object p, Object data) {
            String path = path(p, "open");
            if (!(data instanceof PyBytesLike bytes)) {
                throw PyErrors.typeError("a bytes-like object is required, not '" + PyOps.typeName(data) + "'");
            }
            try {
                TruffleFile f = file(path);
                if (f.isDirectory()) {
                    throw PyErrors.osError(21, "Is a directory", path);
                }
                try (OutputStream out = f.newOutputStream()) {
                    out.write(bytes.array(), 0, bytes.length());
                }
                return (long) bytes.length();
            } catch (IOException | SecurityException e) {
                throw TextFile.fileError(e, path);
            }
        }
    }

    /**
     * Creates an empty file, or sets an existing one's modification time to now (CPython's
     * {@code Path.touch}: {@code os.utime}, else {@code os.open(O_CREAT | O_EXCL)} when not exist_ok).
     */
    @Builtin(name = "touch", params = {"path", "exist_ok"})
    @GenerateNodeFactory
    abstract static class TouchNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doTouch(Object p, Object existOk) {
            String path = path(p, "touch");
            try {
                TruffleFile f = file(path);
                if (f.exists()) {
                    if (!PyOps.isTrue(existOk)) {
                        throw PyErrors.osError(17, "File exists", path);
                    }
                    f.setLastModifiedTime(FileTime.fromMillis(System.currentTimeMillis()));
                } else {
                    f.createFile();
                }
                return PyNone.NONE;
            } catch (IOException | SecurityException e) {
                throw TextFile.fileError(e, path);
            }
        }
    }

    /** {@code os.mkdir(path, mode=0o777)}: the new directory gets {@code mode} less the process's umask, as mkdir(2) gives it. */
    @Builtin(name = "mkdir", params = {"path", "mode"}, required = 1)
    @GenerateNodeFactory
    abstract static class MkdirNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doMkdir(Object p, Object mode) {
            String path = path(p, "mkdir");
            try {
                file(path).createDirectory(PosixFilePermissions.asFileAttribute(OsDescriptors.permissions(Args.given(mode) ? Args.index(mode, "mode") : 0777)));
                return PyNone.NONE;
            } catch (IOException | SecurityException e) {
                throw TextFile.fileError(e, path);
            }
        }
    }

    /** {@code os.chmod(path, mode)}: the permission bits (setuid, setgid and sticky bits are not Java's to set). */
    @Builtin(name = "chmod", params = {"path", "mode"})
    @GenerateNodeFactory
    abstract static class ChmodNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doChmod(Object p, Object mode) {
            String path = path(p, "chmod");
            long bits = Args.index(mode, "mode");
            if ((bits & ~0777) != 0) {
                throw PyErrors.osError(1, "Operation not permitted (aio sets only the permission bits 0o777)", path);
            }
            try {
                file(path).setPosixPermissions(OsDescriptors.permissions(bits));
                return PyNone.NONE;
            } catch (IOException | SecurityException | UnsupportedOperationException e) {
                throw TextFile.fileError(e, path);
            }
        }
    }

    /** {@code os.access(path, mode)}: whether the file exists ({@code F_OK}, 0) and may be read (4), written (2), executed (1). */
    @Builtin(name = "access", params = {"path", "mode"})
    @GenerateNodeFactory
    abstract static class AccessNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doAccess(Object p, Object mode) {
            String path = path(p, "access");
            long bits = Args.index(mode, "mode");
            try {
                TruffleFile f = file(path);
                return f.exists() && ((bits & 4) == 0 || f.isReadable()) && ((bits & 2) == 0 || f.isWritable()) && ((bits & 1) == 0 || f.isExecutable());
            } catch (SecurityException e) {
                return false;
            }
        }
    }

    @Builtin(name = "remove", params = {"path"})
    @GenerateNodeFactory
    abstract static class RemoveNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRemove(Object p) {
            String path = path(p, "remove");
            try {
                TruffleFile f = file(path);
                if (f.isDirectory()) {
                    throw PyErrors.osError(21, "Is a directory", path);
                }
                f.delete();
                return PyNone.NONE;
            } catch (IOException | SecurityException e) {
                throw TextFile.fileError(e, path);
            }
        }
    }

    @Builtin(name = "rmdir", params = {"path"})
    @GenerateNodeFactory
    abstract static class RmdirNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRmdir(Object p) {
            String path = path(p, "rmdir");
            try {
                TruffleFile f = file(path);
                if (f.exists() && !f.isDirectory()) {
                    throw PyErrors.osError(20, "Not a directory", path);
                }
                f.delete();
                return PyNone.NONE;
            } catch (IOException | SecurityException e) {
                throw TextFile.fileError(e, path);
            }
        }
    }

    @Builtin(name = "replace", params = {"src", "dst"})
    @GenerateNodeFactory
    abstract static class ReplaceNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doReplace(Object s, Object d) {
            String src = path(s, "replace");
            String dst = path(d, "replace");
            try {
                file(src).move(file(dst), StandardCopyOption.REPLACE_EXISTING);
                return PyNone.NONE;
            } catch (IOException | SecurityException e) {
                throw TextFile.fileError(e, src);
            }
        }
    }

    @Builtin(name = "abspath", params = {"path"})
    @GenerateNodeFactory
    abstract static class AbsPathNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doAbsPath(Object p) {
            String path = path(p, "abspath");
            try {
                return file(path).getAbsoluteFile().normalize().getPath();
            } catch (SecurityException e) {
                throw TextFile.noAccess(path);
            }
        }
    }

    /** The absolute path with symbolic links resolved (CPython's {@code os.path.realpath}); a path that does not exist is only made absolute. */
    @Builtin(name = "realpath", params = {"path"})
    @GenerateNodeFactory
    abstract static class RealPathNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRealPath(Object p) {
            String path = path(p, "realpath");
            try {
                TruffleFile f = file(path).getAbsoluteFile().normalize();
                return f.exists() ? f.getCanonicalFile().getPath() : f.getPath();
            } catch (IOException e) {
                return file(path).getAbsoluteFile().normalize().getPath();
            } catch (SecurityException e) {
                throw TextFile.noAccess(path);
            }
        }
    }

    @Builtin(name = "cpu_count")
    @GenerateNodeFactory
    abstract static class CpuCountNode extends BuiltinNode {
        @Specialization
        static long doCount() {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * {@code os.uname()}: the kernel's names as uname(2) gives them. The JVM does not call uname,
     * so on Linux they are read where the kernel publishes them ({@code /proc/sys/kernel}); elsewhere
     * (or without access) from the JVM's {@code os.*} properties, the kernel's version string then
     * empty. The machine is named as {@code uname -m} names it ({@code x86_64}, not the JVM's {@code amd64}).
     */
    @Builtin(name = "uname")
    @GenerateNodeFactory
    abstract static class UnameNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doUname() {
            String arch = System.getProperty("os.arch", "");
            String machine = switch (arch) {
                case "amd64" -> "x86_64";
                case "x86" -> "i686";
                default -> arch;
            };
            return StructSequence.make("posix", "uname_result", new String[]{"sysname", "nodename", "release", "version", "machine"},
                            new Object[]{kernel("ostype", System.getProperty("os.name", "")), kernel("hostname", hostName()), kernel("osrelease", System.getProperty("os.version", "")),
                                            kernel("version", ""), machine});
        }

        private static String kernel(String name, String fallback) {
            try {
                return Files.readString(Path.of("/proc/sys/kernel", name)).strip();
            } catch (IOException | SecurityException e) {
                return fallback;
            }
        }

        private static String hostName() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "";
            }
        }
    }

    /** {@code os.urandom(size)}: bytes from the system's cryptographically strong source (the JVM's {@link SecureRandom}). */
    @Builtin(name = "urandom", params = {"size"})
    @GenerateNodeFactory
    abstract static class UrandomNode extends BuiltinNode {
        private static final SecureRandom RANDOM = new SecureRandom();

        @Specialization
        @TruffleBoundary
        static PyBytes doUrandom(Object size) {
            long n = Args.index(size, "size");
            if (n < 0) {
                throw PyErrors.valueError("negative argument not allowed");
            }
            byte[] b = new byte[Math.toIntExact(n)];
            RANDOM.nextBytes(b);
            return new PyBytes(b);
        }
    }

    /** {@code os.getpid()}: the process running aio (the JVM's). */
    @Builtin(name = "getpid")
    @GenerateNodeFactory
    abstract static class GetPidNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static long doGetPid() {
            return ProcessHandle.current().pid();
        }
    }

    /**
     * {@code os._exit(n)}: the program ends at once with status n: no {@code finally} or handler
     * runs, and what {@code sys.stdout} holds unwritten is lost, as in CPython. In aio's daemon (or
     * an embedder's context), the run ends, not the process.
     */
    @Builtin(name = "_exit", params = {"status"})
    @GenerateNodeFactory
    abstract static class ExitNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doExit(Object status) {
            int code = (int) Args.index(status, "status");
            AioContext context = AioContext.get(this);
            context.discardBufferedOutput();
            context.getEnv().getContext().closeExited(this, code);
            return PyNone.NONE;
        }
    }

    /** {@code os.getppid()}: the process that started aio's, or 1 once it is gone (as on Linux). */
    @Builtin(name = "getppid")
    @GenerateNodeFactory
    abstract static class GetPpidNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static long doGetPpid() {
            return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
        }
    }

    /**
     * {@code os.kill(pid, sig)}: to aio's own process, as {@code signal.raise_signal} (a handler of
     * the program's runs, else the JVM's default action); to another process, through the system's
     * {@code kill}, which needs the embedder's {@code allowCreateProcess}. Signal 0 only checks that
     * the process exists.
     */
    @Builtin(name = "kill", params = {"pid", "signal"})
    @GenerateNodeFactory
    abstract static class KillNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doKill(Object pid, Object signal) {
            AioContext context = AioContext.get(null);
            int signum = SignalModule.signum(signal);
            if (!(PyValueInstance.unwrapInt(pid) instanceof Long target)) {
                throw PyErrors.typeError("'" + PyOps.typeName(pid) + "' object cannot be interpreted as an integer");
            }
            if (target == ProcessHandle.current().pid()) {
                if (signum != 0) {
                    context.signals().raise(signum);
                }
                return PyNone.NONE;
            }
            if (!context.getEnv().isCreateProcessAllowed()) {
                throw PyErrors.osError(1, "Operation not permitted (this aio context may not signal other processes; embedders allow it with Context.Builder.allowCreateProcess)", null);
            }
            if (signum < 0 || signum > 64) {
                throw PyErrors.osError(22, "Invalid argument", null);
            }
            Process kill;
            String complaint;
            try {
                kill = new ProcessBuilder("kill", "-" + signum, String.valueOf(target)).redirectErrorStream(true).start();
                complaint = new String(kill.getInputStream().readAllBytes());
                kill.waitFor();
            } catch (IOException e) {
                throw PyErrors.osError(1, "Operation not permitted (" + e.getMessage() + ")", null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw PyErrors.raiseNoArgs(BuiltinTypes.KEYBOARD_INTERRUPT);
            }
            if (kill.exitValue() != 0) {
                // kill(1) says why in words: the errno CPython's os.kill would raise.
                throw complaint.contains("No such process") ? PyErrors.osError(3, "No such process", null)
                                : complaint.contains("not permitted") ? PyErrors.osError(1, "Operation not permitted", null)
                                : PyErrors.osError(22, "Invalid argument", null);
            }
            return PyNone.NONE;
        }
    }
}
