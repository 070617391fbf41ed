package dev.aio.stdlib;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;

/**
 * The descriptor functions of {@code os}: {@code pipe}, {@code open}, {@code read}, {@code write},
 * {@code lseek}, {@code close}, {@code get_blocking}, {@code set_blocking}, on the descriptors of
 * {@link FileDescriptors}: pipe ends, and regular files as channels of Truffle's {@link TruffleFile}
 * (so an embedder's file-system policy applies). A blocking read or write of a pipe waits without
 * the interpreter lock.
 */
final class OsDescriptors {
    /** The {@code os.O_*} flags {@code os.open} honours, as Linux numbers them (os.aio exports them). */
    static final int O_WRONLY = 1;
    static final int O_RDWR = 2;
    static final int O_ACCMODE = 3;
    static final int O_CREAT = 0100;
    static final int O_EXCL = 0200;
    static final int O_NOCTTY = 0400;
    static final int O_TRUNC = 01000;
    static final int O_APPEND = 02000;
    static final int O_NONBLOCK = 04000;
    static final int O_DSYNC = 010000;
    static final int O_DIRECTORY = 0200000;
    static final int O_NOFOLLOW = 0400000;
    static final int O_CLOEXEC = 02000000;
    static final int O_SYNC = 04010000;
    /**
     * Flags that change nothing for aio's descriptors: a file is no controlling terminal, a regular
     * file never blocks, and aio's descriptors are never inherited by a child process.
     */
    private static final int NO_EFFECT = O_NOCTTY | O_NONBLOCK | O_CLOEXEC;
    private static final int KNOWN = O_ACCMODE | O_CREAT | O_EXCL | O_TRUNC | O_APPEND | O_DSYNC | O_DIRECTORY | O_NOFOLLOW | O_SYNC | NO_EFFECT;

    private OsDescriptors() {
    }

    static FileDescriptors descriptors(AioContext context) {
        return context.programState(FileDescriptors.class, FileDescriptors::new);
    }

    private static long fd(Object fd) {
        return Args.index(fd, "fd");
    }

    /** {@code os.pipe()}: (read end, write end), blocking, as CPython's. */
    @Builtin(name = "pipe")
    @GenerateNodeFactory
    abstract static class PipeNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        PyTuple doPipe() {
            FileDescriptors fds = descriptors(AioContext.get(this));
            ChildPipe[] ends = ChildPipe.open();
            long r = fds.add(ends[0]);
            long w = fds.add(ends[1]);
            return PyTuple.of(r, w);
        }
    }

    /**
     * {@code os.open(path, flags, mode=0o777)}: a regular file's descriptor. The access mode, O_CREAT,
     * O_EXCL, O_TRUNC, O_APPEND, O_NOFOLLOW, O_SYNC and O_DSYNC are honoured; a new file gets
     * {@code mode} less the process's umask, as open(2) gives it.
     */
    @Builtin(name = "open", params = {"path", "flags", "mode"}, required = 2, posOnly = 0, kwOnly = {"dir_fd"})
    @GenerateNodeFactory
    abstract static class OpenNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doOpen(Object p, Object flagsArg, Object modeArg, Object dirFd) {
            if (Args.given(dirFd) && dirFd != PyNone.NONE) {
                throw PyErrors.raise(BuiltinTypes.NOT_IMPLEMENTED_ERROR, "dir_fd unavailable on this platform");
            }
            String path = TextFile.pathName(p);
            long flags = Args.index(flagsArg, "flags");
            long mode = Args.given(modeArg) ? Args.index(modeArg, "mode") : 0777;
            AioContext context = AioContext.get(this);
            return descriptors(context).add(open(context, path, flags, mode));
        }
    }

    /** Opens {@code path} as os.open's {@code flags} ask (also what {@code open()} of a path does through its opener). */
    @TruffleBoundary
    static FileDescriptors.OpenFile open(AioContext context, String path, long flags, long mode) {
        if ((flags & ~KNOWN) != 0) {
            throw PyErrors.osError(22, "Invalid argument (aio's os.open does not take the flags " + Long.toOctalString(flags & ~KNOWN) + ")", path);
        }
        Set<OpenOption> options = new HashSet<>();
        long access = flags & O_ACCMODE;
        if (access == 0 || access == O_RDWR) {
            options.add(StandardOpenOption.READ);
        }
        if (access == O_WRONLY || access == O_RDWR) {
            options.add(StandardOpenOption.WRITE);
        }
        if ((flags & O_CREAT) != 0) {
            options.add((flags & O_EXCL) != 0 ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
        }
        if ((flags & O_TRUNC) != 0) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        if ((flags & O_NOFOLLOW) != 0) {
            options.add(LinkOption.NOFOLLOW_LINKS);
        }
        if ((flags & O_SYNC) == O_SYNC) {
            options.add(StandardOpenOption.SYNC);
        } else if ((flags & O_DSYNC) != 0) {
            options.add(StandardOpenOption.DSYNC);
        }
        TruffleFile file = TextFile.resolve(context, path);
        try {
            if (file.isDirectory() && (options.contains(StandardOpenOption.WRITE) || (flags & O_CREAT) != 0)) {
                throw PyErrors.osError((flags & O_EXCL) != 0 ? 17 : 21, (flags & O_EXCL) != 0 ? "File exists" : "Is a directory", path);
            }
            if ((flags & O_DIRECTORY) != 0 && !file.isDirectory()) {
                throw PyErrors.osError(file.exists() ? 20 : 2, file.exists() ? "Not a directory" : "No such file or directory", path);
            }
            SeekableByteChannel channel = file.newByteChannel(options, PosixFilePermissions.asFileAttribute(permissions(mode)));
            return new FileDescriptors.OpenFile(channel, path, (flags & O_APPEND) != 0);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            throw TextFile.fileError(e, path);
        }
    }

    /** The permission bits of a Unix mode. */
    static Set<PosixFilePermission> permissions(long mode) {
        StringBuilder rwx = new StringBuilder();
        for (int shift = 6; shift >= 0; shift -= 3) {
            rwx.append((mode >> shift & 4) != 0 ? 'r' : '-').append((mode >> shift & 2) != 0 ? 'w' : '-').append((mode >> shift & 1) != 0 ? 'x' : '-');
        }
        return PosixFilePermissions.fromString(rwx.toString());
    }

    @Builtin(name = "read", params = {"fd", "n"})
    @GenerateNodeFactory
    abstract static class ReadNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doRead(Object fd, Object n) {
            AioContext context = AioContext.get(this);
            long max = Args.index(n, "n");
            if (max < 0) {
                throw PyErrors.valueError("negative read length");
            }
            FileDescriptors fds = descriptors(context);
            long f = fd(fd);
            FileDescriptors.OpenFile file = fds.file(f);
            if (file != null) {
                try {
                    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(max, 1 << 24));
                    int got = file.channel().read(buffer);
                    return new PyBytes(got <= 0 ? new byte[0] : Arrays.copyOf(buffer.array(), got));
                } catch (IOException e) {
                    throw TextFile.fileError(e, null);
                }
            }
            ChildPipe pipe = fds.pipe(f);
            return pipe.read((int) Math.min(max, Integer.MAX_VALUE), fds.isBlocking(f) ? context : null);
        }
    }

    @Builtin(name = "write", params = {"fd", "data"})
    @GenerateNodeFactory
    abstract static class WriteNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doWrite(Object fd, Object data) {
            AioContext context = AioContext.get(this);
            byte[] b = ChildProcessMethods.bytes(data);
            FileDescriptors fds = descriptors(context);
            long f = fd(fd);
            FileDescriptors.OpenFile file = fds.file(f);
            if (file != null) {
                try {
                    if (file.append()) {
                        file.channel().position(file.channel().size());
                    }
                    ByteBuffer buffer = ByteBuffer.wrap(b);
                    while (buffer.hasRemaining()) {
                        file.channel().write(buffer);
                    }
                    return (long) b.length;
                } catch (IOException e) {
                    throw TextFile.fileError(e, null);
                }
            }
            ChildPipe pipe = fds.pipe(f);
            return pipe.write(b, 0, b.length, fds.isBlocking(f) ? context : null);
        }
    }

    /** {@code os.lseek(fd, position, whence)}: the new position of a file; a pipe cannot seek (ESPIPE). */
    @Builtin(name = "lseek", params = {"fd", "position", "whence"})
    @GenerateNodeFactory
    abstract static class LseekNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doSeek(Object fd, Object position, Object whence) {
            long offset = Args.index(position, "position");
            long how = Args.index(whence, "whence");
            FileDescriptors.OpenFile file = descriptors(AioContext.get(this)).file(fd(fd));
            if (file == null) {
                throw PyErrors.osError(29, "Illegal seek", null);
            }
            try {
                SeekableByteChannel channel = file.channel();
                long base = how == 0 ? 0 : how == 1 ? channel.position() : how == 2 ? channel.size() : -1;
                if (base < 0 || base + offset < 0) {
                    throw PyErrors.osError(22, "Invalid argument", null);
                }
                channel.position(base + offset);
                return base + offset;
            } catch (IOException e) {
                throw TextFile.fileError(e, null);
            }
        }
    }

    @Builtin(name = "close", params = {"fd"})
    @GenerateNodeFactory
    abstract static class CloseNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doClose(Object fd) {
            descriptors(AioContext.get(this)).close(fd(fd));
            return PyNone.NONE;
        }
    }

    @Builtin(name = "get_blocking", params = {"fd"})
    @GenerateNodeFactory
    abstract static class GetBlockingNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        boolean doGet(Object fd) {
            return descriptors(AioContext.get(this)).isBlocking(fd(fd));
        }
    }

    @Builtin(name = "set_blocking", params = {"fd", "blocking"})
    @GenerateNodeFactory
    abstract static class SetBlockingNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doSet(Object fd, Object blocking) {
            descriptors(AioContext.get(this)).setBlocking(fd(fd), PyOps.isTrue(blocking));
            return PyNone.NONE;
        }
    }

    /** S_IFIFO and S_IFSOCK with the permissions Linux gives a pipe end and a socket. */
    private static final long PIPE_MODE = 0010600;
    private static final long SOCKET_MODE = 0140777;

    /**
     * {@code os.fstat(fd)}: os.stat's fields of the file a descriptor is open on (its size from the
     * channel, which knows writes not yet seen by the path). A pipe end or socket has Linux's mode,
     * one link, size 0 and the owner of the process; the JVM does not tell its inode, device and
     * times, which are 0.
     */
    @Builtin(name = "fstat", params = {"fd"})
    @GenerateNodeFactory
    abstract static class FstatNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doFstat(Object fdArg) {
            AioContext context = AioContext.get(this);
            long fd = fd(fdArg);
            if (fd >= 0 && fd <= 2) {
                throw PyErrors.raise(BuiltinTypes.NOT_IMPLEMENTED_ERROR, "aio cannot stat the standard streams' descriptors yet");
            }
            Object end = descriptors(context).get(fd);
            if (end instanceof FileDescriptors.OpenFile file) {
                try {
                    return OsModule.statFields(file.path(), new LinkOption[0], file.channel().size());
                } catch (IOException e) {
                    throw TextFile.fileError(e, null);
                }
            }
            long[] owner = processOwner(context);
            return PyTuple.of(end instanceof PySocket ? SOCKET_MODE : PIPE_MODE, 0L, 0L, 1L, owner[0], owner[1], 0L, 0L, 0L, 0L, 0L);
        }
    }

    /** The user and group the process runs as (those of /proc/self on Linux), else root's. */
    private static long[] processOwner(AioContext context) {
        try {
            TruffleFile self = TextFile.resolve(context, "/proc/self");
            return new long[]{self.getAttribute(TruffleFile.UNIX_UID), self.getAttribute(TruffleFile.UNIX_GID)};
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return new long[]{0, 0};
        }
    }

    /** Whether {@code fd} names a pipe end (os.fdopen makes a pipe file of it) rather than a file. */
    @Builtin(name = "is_pipe", params = {"fd"})
    @GenerateNodeFactory
    abstract static class IsPipeNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        boolean doIsPipe(Object fd) {
            return descriptors(AioContext.get(this)).get(fd(fd)) instanceof ChildPipe;
        }
    }

    /** The pipe end {@code fd} names, for {@code os.fdopen} and the loop's pipe transports (CPython's error for a descriptor that is no pipe). */
    @Builtin(name = "pipe_end", params = {"fd"})
    @GenerateNodeFactory
    abstract static class PipeEndNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doEnd(Object fd) {
            return descriptors(AioContext.get(this)).pipe(fd(fd));
        }
    }
}
