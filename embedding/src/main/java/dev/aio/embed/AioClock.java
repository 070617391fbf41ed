package dev.aio.embed;

/** The clock of an embedded aio's event loop. */
public enum AioClock {
    /** Sleeps take no time and runs are deterministic; awaiting a Java future takes no virtual time. */
    VIRTUAL,
    /** Sleeps take real time. */
    REAL
}
