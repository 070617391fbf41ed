package dev.aio.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

/** Issue 19, item 20: ints beyond 64 bits cross the polyglot boundary as big integers, both ways. */
class BigIntegerInteropTest {
    public static final class Ledger {
        @HostAccess.Export
        public BigInteger total() {
            return BigInteger.TEN.pow(30);
        }

        @HostAccess.Export
        public String describe(Object n) {
            return n instanceof BigInteger big ? "BigInteger " + big : n.getClass().getSimpleName() + " " + n;
        }
    }

    @Test
    void aioBigIntsReachJavaAsBigIntegers() {
        try (Context context = Context.newBuilder("aio").option("engine.WarnInterpreterOnly", "false").build()) {
            Value big = context.eval("aio", "2 ** 100");
            assertTrue(big.isNumber());
            assertTrue(big.fitsInBigInteger());
            assertFalse(big.fitsInLong());
            assertEquals(BigInteger.TWO.pow(100), big.asBigInteger());
            assertEquals(Math.pow(2, 100), big.asDouble());
            context.eval("aio", "values = [1, -(10 ** 40)]\ndef square(n):\n    return n * n\n");
            Value values = context.getBindings("aio").getMember("values");
            assertEquals(BigInteger.TEN.pow(40).negate(), values.getArrayElement(1).asBigInteger());
            assertEquals(List.of(1L, BigInteger.TEN.pow(40).negate()), List.of(values.getArrayElement(0).asLong(), values.getArrayElement(1).asBigInteger()));
            Value square = context.getBindings("aio").getMember("square");
            assertEquals(BigInteger.TEN.pow(60), square.execute(BigInteger.TEN.pow(30)).asBigInteger());
            // A small result is an ordinary long again.
            assertEquals(49L, square.execute(BigInteger.valueOf(7)).asLong());
        }
    }

    @Test
    void javaBigIntegersAreAioInts() {
        try (Context context = Context.newBuilder("aio").allowHostAccess(HostAccess.EXPLICIT).option("engine.WarnInterpreterOnly", "false").build()) {
            Value bindings = context.getBindings("aio");
            bindings.putMember("ledger", new Ledger());
            bindings.putMember("big", new BigInteger("123456789012345678901234567890"));
            assertEquals("int 123456789012345678901234567891 True",
                            context.eval("aio", "f'{type(big).__name__} {big + 1} {isinstance(ledger.total(), int)}'").asString());
            assertEquals("1000000000000000000000000000001", context.eval("aio", "str(ledger.total() + 1)").asString());
            assertEquals("BigInteger " + BigInteger.TEN.pow(30).multiply(BigInteger.TWO), context.eval("aio", "ledger.describe(ledger.total() * 2)").asString());
        }
    }
}
