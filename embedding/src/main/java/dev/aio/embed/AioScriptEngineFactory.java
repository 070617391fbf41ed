package dev.aio.embed;

import java.util.List;
import java.util.stream.Collectors;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;

/**
 * aio for Java's scripting API (JSR 223), registered as a service as GraalJS's engine is:
 * {@code new ScriptEngineManager().getEngineByName("aio")}. Each engine is an {@link AioScriptEngine}
 * with the sandbox defaults of {@code Aio.builder()}.
 */
public final class AioScriptEngineFactory implements ScriptEngineFactory {
    private static final String VERSION = "0.1.0";

    @Override
    public String getEngineName() {
        return "aio";
    }

    @Override
    public String getEngineVersion() {
        return VERSION;
    }

    @Override
    public List<String> getExtensions() {
        return List.of("aio", "py");
    }

    @Override
    public List<String> getMimeTypes() {
        return List.of("application/x-aio");
    }

    @Override
    public List<String> getNames() {
        return List.of("aio");
    }

    @Override
    public String getLanguageName() {
        return "aio";
    }

    @Override
    public String getLanguageVersion() {
        // The Python whose programs aio runs unchanged.
        return "3.11";
    }

    @Override
    public Object getParameter(String key) {
        return switch (key) {
            case ScriptEngine.ENGINE -> getEngineName();
            case ScriptEngine.ENGINE_VERSION -> getEngineVersion();
            case ScriptEngine.NAME -> getNames().get(0);
            case ScriptEngine.LANGUAGE -> getLanguageName();
            case ScriptEngine.LANGUAGE_VERSION -> getLanguageVersion();
            default -> null;
        };
    }

    @Override
    public String getMethodCallSyntax(String obj, String m, String... args) {
        return obj + "." + m + "(" + String.join(", ", args) + ")";
    }

    @Override
    public String getOutputStatement(String toDisplay) {
        return "print(" + toDisplay + ")";
    }

    @Override
    public String getProgram(String... statements) {
        return List.of(statements).stream().collect(Collectors.joining("\n", "", "\n"));
    }

    @Override
    public ScriptEngine getScriptEngine() {
        return new AioScriptEngine(this);
    }
}
