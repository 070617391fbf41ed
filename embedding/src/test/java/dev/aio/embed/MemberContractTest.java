package dev.aio.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

/** Issue 19, item 21: hasMember answers whether the member exists (interop: existing and insertable exclude each other). */
class MemberContractTest {
    @Test
    void hasMemberIsFalseForAbsentMembers() {
        try (Context context = Context.newBuilder("aio").option("engine.WarnInterpreterOnly", "false").build()) {
            context.eval("aio", "class Box:\n    def __init__(self):\n        self.size = 3\nobj = Box()\n");
            Value bindings = context.getBindings("aio");
            assertTrue(bindings.hasMember("obj"));
            assertFalse(bindings.hasMember("absent"));
            Value obj = bindings.getMember("obj");
            assertTrue(obj.hasMember("size"));
            assertFalse(obj.hasMember("nothing"));
            // Absent members can still be added, and then exist.
            obj.putMember("nothing", 5);
            assertTrue(obj.hasMember("nothing"));
            assertEquals(5, context.eval("aio", "obj.nothing").asInt());
            bindings.putMember("absent", 1);
            assertTrue(bindings.hasMember("absent"));
        }
    }
}
