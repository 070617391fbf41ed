package dev.aio.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

/** Issue 19, item 25: Java lists, maps, records and lambdas behave in aio as CPython's list, dict and callables would, as in GraalPy. */
class JavaCollectionsTest {
    public record Point(int x, int y) {
    }

    @Test
    void javaCollectionsActAsListsAndDicts() {
        try (Context context = Context.newBuilder("aio").allowHostAccess(HostAccess.ALL).option("engine.WarnInterpreterOnly", "false").build()) {
            Value bindings = context.getBindings("aio");
            bindings.putMember("items", new ArrayList<>(List.of(1, 2, 3, 4, 5)));
            LinkedHashMap<String, Integer> prices = new LinkedHashMap<>();
            prices.put("apple", 3);
            prices.put("pear", 5);
            bindings.putMember("prices", prices);
            bindings.putMember("point", new Point(1, 2));
            // aio ints are Java longs: a lambda over Object parameters receives Long.
            bindings.putMember("twice", (Function<Long, Long>) n -> n * 2);
            Value lines = context.eval("aio", """
                            import json
                            lines = [
                                items[1:3], items[::-2], items[-2:],
                                prices.get('apple'), prices.get('plum'), prices.get('plum', 0),
                                list(prices.keys()), list(prices.values()), list(prices.items()),
                                dict(prices), {**dict(prices), 'fig': 1},
                                json.dumps(items), json.dumps(prices), json.dumps({'basket': items}),
                                f'{items}', str(prices), repr(point), f'{point}',
                                twice(21), list(map(twice, [1, 2])),
                            ]
                            '\\n'.join(repr(line) for line in lines)
                            """);
            assertEquals(String.join("\n",
                            "[2, 3]", "[5, 3, 1]", "[4, 5]",
                            "3", "None", "0",
                            "['apple', 'pear']", "[3, 5]", "[('apple', 3), ('pear', 5)]",
                            "{'apple': 3, 'pear': 5}", "{'apple': 3, 'pear': 5, 'fig': 1}",
                            "'[1, 2, 3, 4, 5]'", "'{\"apple\": 3, \"pear\": 5}'", "'{\"basket\": [1, 2, 3, 4, 5]}'",
                            "'[1, 2, 3, 4, 5]'", "'{apple=3, pear=5}'", "'Point[x=1, y=2]'", "'Point[x=1, y=2]'",
                            "42", "[2, 4]"), lines.asString());
        }
    }
}
