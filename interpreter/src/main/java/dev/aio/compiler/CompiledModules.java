package dev.aio.compiler;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.oracle.truffle.api.source.Source;

import dev.aio.AioLanguage;
import dev.aio.nodes.AioRootNode;

/**
 * The compiled code of the modules a language instance has run, by source text: on an engine that
 * several contexts share (aio's daemon runs each program in a fresh context), a module every run
 * imports — asyncio's parts written in aio, the program's own modules, the script itself — is
 * parsed and compiled once, and what the JIT compiled for its functions in one run serves the next
 * (a root node compiled anew would be a new call target, interpreted, profiled and compiled again).
 * The code holds no context's objects ({@link dev.aio.nodes.ops.FunctionCaches}), so sharing it is
 * sharing what CPython keeps in a {@code .pyc} file, and more.
 *
 * <p>Truffle's own source cache would keep the script's code too, but only while the
 * {@code Source} object of the run that parsed it is alive: a garbage collection between runs
 * drops it. This cache holds its entries strongly, least recently used first out, up to
 * {@link #MAX_CHARACTERS} characters of source text.
 */
public final class CompiledModules {
    /** About 200 files of asyncio's size (130,000 characters in 13 parts); the code is 10-20 times the text. */
    static final long MAX_CHARACTERS = 4_000_000;

    private record Key(String name, String text, boolean internal) {
    }

    private final Map<Key, AioRootNode> modules = new LinkedHashMap<>(64, 0.75f, true);
    private long characters;

    /** The module code of {@code source}: the code compiled earlier for the same name and text, else compiled now. */
    public AioRootNode get(AioLanguage language, Source source) {
        Key key = new Key(source.getName(), source.getCharacters().toString(), source.isInternal());
        synchronized (this) {
            AioRootNode known = modules.get(key);
            if (known != null) {
                return known;
            }
        }
        // Compiled outside the lock: runs on other threads import their own modules meanwhile.
        AioRootNode compiled = ModuleCompiler.compileModule(language, source);
        synchronized (this) {
            AioRootNode known = modules.putIfAbsent(key, compiled);
            if (known != null) {
                // Another run compiled it at the same time: every run shares one copy.
                return known;
            }
            characters += key.text().length();
            evictBeyondLimit();
            return compiled;
        }
    }

    private void evictBeyondLimit() {
        Iterator<Key> oldest = modules.keySet().iterator();
        while (characters > MAX_CHARACTERS && modules.size() > 1) {
            characters -= oldest.next().text().length();
            oldest.remove();
        }
    }
}
