package dev.aio.stdlib;

import java.security.MessageDigest;

import dev.aio.runtime.Ids;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyType;

/** A hashlib hash object ({@code _hashlib.HASH}): a running JDK {@link MessageDigest} and its CPython name. */
final class HashObject extends PyObject {
    static final PyType TYPE = new PyType("HASH", "_hashlib").withModuleInMessages();

    final String name;
    final MessageDigest digest;
    /** The algorithm's block size in bytes, which CPython reports as {@code block_size}. */
    final int blockSize;

    HashObject(String name, MessageDigest digest, int blockSize) {
        this.name = name;
        this.digest = digest;
        this.blockSize = blockSize;
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    @Override
    public String repr() {
        return "<" + name + " _hashlib.HASH object @ " + Ids.address(this) + ">";
    }
}
