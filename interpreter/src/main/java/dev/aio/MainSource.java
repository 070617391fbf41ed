package dev.aio;

/**
 * The source of a module to run as {@code __main__} ({@code aio run -m NAME}, CPython's
 * {@code runpy._run_module_as_main}): its file's name and text, the package it belongs to, and
 * whether it is part of a library (its frames stay out of tracebacks).
 */
public record MainSource(String fileName, String text, String packageName, boolean internal) {
}
