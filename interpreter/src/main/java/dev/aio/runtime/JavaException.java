package dev.aio.runtime;

import com.oracle.truffle.api.exception.AbstractTruffleException;

/**
 * The Java exception an aio exception stands for (a host method threw it, or a Java future failed
 * with it), kept as GraalPy keeps host exceptions: {@code except} clauses naming a Java class
 * match it, the script reads its members, and when the aio exception escapes the script the host
 * gets the original back.
 *
 * @param throwable the Java exception as an interop value (a host object)
 * @param thrown the host exception interop delivered, rethrown to the host as it was; {@code null}
 *            for the failure of a Java future, which reached aio as a plain Java object
 */
public record JavaException(Object throwable, AbstractTruffleException thrown) {
}
