package dev.aio.embed;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import javax.script.Bindings;

import org.graalvm.polyglot.Value;

/**
 * The engine scope of an {@link AioScriptEngine}: the globals of {@code __main__}, live. What Java
 * puts in, scripts see as globals; what scripts bind, Java reads (as {@code Value.as(Object.class)}).
 */
final class AioBindings extends AbstractMap<String, Object> implements Bindings {
    private final Value globals;

    AioBindings(Value globals) {
        this.globals = globals;
    }

    @Override
    public Object put(String name, Object value) {
        Object previous = get(name);
        globals.putMember(name, value);
        return previous;
    }

    @Override
    public Object get(Object name) {
        return name instanceof String s && globals.hasMember(s) ? AioScriptEngine.toJava(globals.getMember(s)) : null;
    }

    @Override
    public boolean containsKey(Object name) {
        return name instanceof String s && globals.hasMember(s);
    }

    @Override
    public Object remove(Object name) {
        Object previous = get(name);
        if (name instanceof String s) {
            globals.removeMember(s);
        }
        return previous;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Set<Entry<String, Object>> entries = new LinkedHashSet<>();
        for (String name : globals.getMemberKeys()) {
            entries.add(new SimpleImmutableEntry<>(name, AioScriptEngine.toJava(globals.getMember(name))));
        }
        return entries;
    }

    @Override
    public void putAll(Map<? extends String, ? extends Object> values) {
        values.forEach(this::put);
    }
}
