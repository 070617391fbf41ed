package dev.aio.ast;

import java.util.List;

/** A whole parsed source file. */
public record Module(List<Stmt> body) {}
