package dev.aio.stdlib;

import java.security.MessageDigest;
import java.util.HexFormat;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyNone;

/** Methods of hashlib's hash objects: {@code update}, {@code digest}, {@code hexdigest}, {@code copy} and their sizes. */
public final class HashMethods {
    private HashMethods() {
    }

    /** Installs these on {@code _hashlib.HASH}. */
    static void install() {
        HashObject.TYPE.defineBuiltins(HashMethodsFactory.getFactories());
    }

    @Builtin(name = "update", params = {"self", "obj"})
    @GenerateNodeFactory
    abstract static class UpdateNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doUpdate(HashObject self, Object data) {
            self.digest.update(HashlibModule.bytesToHash(data));
            return PyNone.NONE;
        }
    }

    /** The digest so far; the running digest goes on (a clone is finished, as CPython copies its context). */
    @TruffleBoundary
    static byte[] current(HashObject self) {
        try {
            return ((MessageDigest) self.digest.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's " + self.name + " cannot be cloned", e);
        }
    }

    @Builtin(name = "digest", params = {"self"})
    @GenerateNodeFactory
    abstract static class DigestNode extends BuiltinNode {
        @Specialization
        static Object doDigest(HashObject self) {
            return new PyBytes(current(self));
        }
    }

    @Builtin(name = "hexdigest", params = {"self"})
    @GenerateNodeFactory
    abstract static class HexDigestNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doHexDigest(HashObject self) {
            return HexFormat.of().formatHex(current(self));
        }
    }

    @Builtin(name = "copy", params = {"self"})
    @GenerateNodeFactory
    abstract static class CopyNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doCopy(HashObject self) {
            try {
                return new HashObject(self.name, (MessageDigest) self.digest.clone(), self.blockSize);
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("the JDK's " + self.name + " cannot be cloned", e);
            }
        }
    }

    @Builtin(name = "name", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class NameNode extends BuiltinNode {
        @Specialization
        static Object doName(HashObject self) {
            return self.name;
        }
    }

    @Builtin(name = "digest_size", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class DigestSizeNode extends BuiltinNode {
        @Specialization
        static Object doSize(HashObject self) {
            return (long) self.digest.getDigestLength();
        }
    }

    @Builtin(name = "block_size", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class BlockSizeNode extends BuiltinNode {
        @Specialization
        static Object doSize(HashObject self) {
            return (long) self.blockSize;
        }
    }
}
