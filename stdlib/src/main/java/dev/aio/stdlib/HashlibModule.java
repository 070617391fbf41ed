package dev.aio.stdlib;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Bytes;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyOps;

/**
 * The {@code hashlib} module on the JDK's {@link MessageDigest}: {@code md5}, {@code sha1},
 * {@code sha224}, {@code sha256}, {@code sha384}, {@code sha512} and {@code new(name)}, with
 * CPython's hash objects ({@link HashMethods}) and messages.
 */
public final class HashlibModule {
    private HashlibModule() {
    }

    /** CPython's algorithm names, the JDK's names for them and their block sizes. */
    private static final Map<String, String> JDK_NAMES = Map.of("md5", "MD5", "sha1", "SHA-1", "sha224", "SHA-224", "sha256", "SHA-256", "sha384", "SHA-384",
                    "sha512", "SHA-512");
    private static final Map<String, Integer> BLOCK_SIZES = Map.of("md5", 64, "sha1", 64, "sha224", 64, "sha256", 64, "sha384", 128, "sha512", 128);

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("hashlib");
        m.defineFunctions(context.getLanguage(), List.of(HashlibModuleFactory.NewNodeFactory.getInstance(), HashlibModuleFactory.Md5NodeFactory.getInstance(),
                        HashlibModuleFactory.Sha1NodeFactory.getInstance(), HashlibModuleFactory.Sha224NodeFactory.getInstance(),
                        HashlibModuleFactory.Sha256NodeFactory.getInstance(), HashlibModuleFactory.Sha384NodeFactory.getInstance(),
                        HashlibModuleFactory.Sha512NodeFactory.getInstance()));
        return m;
    }

    /** The bytes of what is hashed: a bytes-like object; a str must be encoded first, as CPython says. */
    @TruffleBoundary
    static byte[] bytesToHash(Object data) {
        if (data instanceof String) {
            throw PyErrors.typeError("Strings must be encoded before hashing");
        }
        byte[] b = Bytes.bufferOf(data);
        if (b == null) {
            throw PyErrors.typeError("object supporting the buffer API required");
        }
        return b;
    }

    @TruffleBoundary
    static HashObject hash(String name, Object data) {
        String key = name.toLowerCase(Locale.ROOT);
        String jdkName = JDK_NAMES.get(key);
        if (jdkName == null) {
            throw PyErrors.valueError("unsupported hash type " + name);
        }
        try {
            HashObject h = new HashObject(key, MessageDigest.getInstance(jdkName), BLOCK_SIZES.get(key));
            if (Args.given(data)) {
                h.digest.update(bytesToHash(data));
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw PyErrors.valueError("unsupported hash type " + name);
        }
    }

    @Builtin(name = "new", params = {"name", "data"}, required = 1, posOnly = 0, kwOnly = {"usedforsecurity"})
    @GenerateNodeFactory
    abstract static class NewNode extends BuiltinNode {
        @Specialization
        static Object doNew(Object name, Object data, Object usedForSecurity) {
            if (!(name instanceof String s)) {
                throw PyErrors.typeError("new() argument 'name' must be str, not " + PyOps.typeName(name));
            }
            return hash(s, data);
        }
    }

    @Builtin(name = "md5", params = {"string"}, required = 0, posOnly = 0, kwOnly = {"usedforsecurity"})
    @GenerateNodeFactory
    abstract static class Md5Node extends BuiltinNode {
        @Specialization
        static Object doHash(Object data, Object usedForSecurity) {
            return hash("md5", data);
        }
    }

    @Builtin(name = "sha1", params = {"string"}, required = 0, posOnly = 0, kwOnly = {"usedforsecurity"})
    @GenerateNodeFactory
    abstract static class Sha1Node extends BuiltinNode {
        @Specialization
        static Object doHash(Object data, Object usedForSecurity) {
            return hash("sha1", data);
        }
    }

    @Builtin(name = "sha224", params = {"string"}, required = 0, posOnly = 0, kwOnly = {"usedforsecurity"})
    @GenerateNodeFactory
    abstract static class Sha224Node extends BuiltinNode {
        @Specialization
        static Object doHash(Object data, Object usedForSecurity) {
            return hash("sha224", data);
        }
    }

    @Builtin(name = "sha256", params = {"string"}, required = 0, posOnly = 0, kwOnly = {"usedforsecurity"})
    @GenerateNodeFactory
    abstract static class Sha256Node extends BuiltinNode {
        @Specialization
        static Object doHash(Object data, Object usedForSecurity) {
            return hash("sha256", data);
        }
    }

    @Builtin(name = "sha384", params = {"string"}, required = 0, posOnly = 0, kwOnly = {"usedforsecurity"})
    @GenerateNodeFactory
    abstract static class Sha384Node extends BuiltinNode {
        @Specialization
        static Object doHash(Object data, Object usedForSecurity) {
            return hash("sha384", data);
        }
    }

    @Builtin(name = "sha512", params = {"string"}, required = 0, posOnly = 0, kwOnly = {"usedforsecurity"})
    @GenerateNodeFactory
    abstract static class Sha512Node extends BuiltinNode {
        @Specialization
        static Object doHash(Object data, Object usedForSecurity) {
            return hash("sha512", data);
        }
    }
}
