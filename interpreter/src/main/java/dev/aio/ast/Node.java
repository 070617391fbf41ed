package dev.aio.ast;

/** Any syntax node: it knows where it came from. */
public interface Node {
    Pos pos();
}
