package dev.aio.nodes;

import java.util.Arrays;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.bytecode.BytecodeNode;
import com.oracle.truffle.api.bytecode.BytecodeRootNode;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.GenerateBytecode;
import com.oracle.truffle.api.bytecode.LocalAccessor;
import com.oracle.truffle.api.bytecode.Operation;
import com.oracle.truffle.api.bytecode.ShortCircuitOperation.Operator;
import com.oracle.truffle.api.bytecode.ShortCircuitOperation;
import com.oracle.truffle.api.bytecode.Variadic;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Cached.Shared;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.ImportStatic;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;

import dev.aio.AioLanguage;
import dev.aio.ast.BinaryOperator;
import dev.aio.asyncio.AwaitSignal;
import dev.aio.asyncio.CoroutineLike;
import dev.aio.nodes.ops.AsyncOps;
import dev.aio.nodes.ops.AwaitStepNode;
import dev.aio.nodes.ops.CallOps;
import dev.aio.nodes.ops.CallSite;
import dev.aio.nodes.ops.ClassOps;
import dev.aio.nodes.ops.ExceptStar;
import dev.aio.nodes.ops.ExceptionOps;
import dev.aio.nodes.ops.FunctionCaches;
import dev.aio.nodes.ops.GetAttrNode;
import dev.aio.nodes.ops.MethodLookupNode;
import dev.aio.nodes.ops.ModuleFunctionCallNode;
import dev.aio.nodes.ops.SetAttrNode;
import dev.aio.nodes.ops.Traceback;
import dev.aio.nodes.ops.ValueOps;
import dev.aio.runtime.AioException;
import dev.aio.runtime.BaseCoroutine;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.HostErrors;
import dev.aio.runtime.Operators;
import dev.aio.runtime.PatternMatching;
import dev.aio.runtime.PyCode;
import dev.aio.runtime.PyCoroutine;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyFunction;
import dev.aio.runtime.PyIterator;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyRange;

/**
 * The body of every aio function, lambda, coroutine and module: a Bytecode DSL interpreter.
 * Coroutines suspend at {@code await} through the DSL's {@code Yield}. Operations stay small and
 * delegate the generic semantics to {@code dev.aio.runtime}.
 * <p>
 * Tools (debugger, profiler) see roots and root bodies (tagged by the DSL), statements (tagged by
 * the compiler) and calls. Tags cost nothing until an instrument asks for them: the DSL then
 * re-runs the compiler's parse with tag instructions.
 */
// storeBytecodeIndexInFrame: a stack trace taken at a loop's back-edge safepoint (Context.interrupt)
// finds its line from the frame; without it Truffle 25.0.1's generated lookup fails on that location.
@GenerateBytecode(languageClass = AioLanguage.class, enableYield = true, enableSpecializationIntrospection = true, enableBlockScoping = false, defaultLocalValue = "null", enableTagInstrumentation = true, storeBytecodeIndexInFrame = true,
                tagTreeNodeLibrary = AioTagTreeNodeExports.class)
@ShortCircuitOperation(name = "BoolAnd", operator = Operator.AND_RETURN_VALUE, booleanConverter = AioRootNode.ToBool.class)
@ShortCircuitOperation(name = "BoolOr", operator = Operator.OR_RETURN_VALUE, booleanConverter = AioRootNode.ToBool.class)
public abstract class AioRootNode extends RootNode implements BytecodeRootNode {

    /** What this root compiles: set once by the compiler right after {@code endRoot}. */
    @CompilerDirectives.CompilationFinal private PyCode code;

    protected AioRootNode(AioLanguage language, FrameDescriptor frameDescriptor) {
        super(language, frameDescriptor);
    }

    public void setCode(PyCode code) {
        this.code = code;
    }

    public PyCode getCode() {
        return code;
    }

    @Override
    public String getName() {
        return code == null ? "<aio>" : code.name();
    }

    @Override
    public String getQualifiedName() {
        return code == null ? "<aio>" : code.qualName();
    }

    @Override
    public String toString() {
        return "aio:" + getQualifiedName();
    }

    /**
     * Records each aio frame an exception passes through: Python's traceback, built while unwinding.
     * An exception of the host or another language becomes an aio one here, so that scripts can
     * catch it and its users see an aio traceback.
     */
    @Override
    public AbstractTruffleException interceptTruffleException(AbstractTruffleException ex, VirtualFrame frame, BytecodeNode bytecodeNode, int bytecodeIndex) {
        AbstractTruffleException e = ex instanceof AioException ? ex : HostErrors.toAio(ex);
        if (e instanceof AioException aio) {
            Traceback.recordFrame(aio, this, bytecodeNode, bytecodeIndex, frame.getArguments());
            chainToHandled(aio, frame, bytecodeNode, bytecodeIndex);
        }
        return e;
    }

    /** The index of the local naming the exception an except block handles; -1: this code has no handler; -2: not looked up yet. */
    @CompilerDirectives.CompilationFinal private int handledLocal = -2;

    /**
     * An exception raised while this frame handles another (in an except block, possibly in a
     * function it called) gets that one as its implicit context, as CPython sets it at raise time.
     */
    private void chainToHandled(AioException aio, VirtualFrame frame, BytecodeNode bytecodeNode, int bytecodeIndex) {
        if (aio.getException().getContext() != null) {
            return;
        }
        if (handledLocal == -2) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            handledLocal = Arrays.asList(bytecodeNode.getLocalNames(bytecodeIndex)).indexOf(CallSite.HANDLED_EXCEPTION_LOCAL);
        }
        if (handledLocal >= 0 && bytecodeNode.getLocalValue(bytecodeIndex, frame, handledLocal) instanceof AioException handled) {
            ExceptionOps.chainToContext(aio.getException(), handled.getException());
        }
    }

    @Override
    public Throwable interceptInternalException(Throwable t, VirtualFrame frame, BytecodeNode bytecodeNode, int bytecodeIndex) {
        return ExceptionOps.translateInternal(t, this, bytecodeNode, bytecodeIndex);
    }

    /**
     * The frame holding the locals of the code running in {@code frame}: a resumed coroutine (or
     * generator) runs in a frame of its own continuation root, called with {@code (localsFrame,
     * sentValue)}, while its locals stay in the frame it first ran in.
     */
    static Frame localsFrame(Frame frame) {
        Object[] args = frame.getArguments();
        if (args.length == 2 && args[0] instanceof MaterializedFrame locals && locals.getFrameDescriptor() == frame.getFrameDescriptor()) {
            return locals;
        }
        return frame;
    }

    /** A coroutine is the same activation across its resumptions: how the debugger steps over an {@code await}. */
    @Override
    protected boolean isSameFrame(Frame frame1, Frame frame2) {
        return localsFrame(frame1) == localsFrame(frame2);
    }

    @Override
    public SourceSection getSourceSection() {
        BytecodeNode b = getBytecodeNode();
        return b == null ? null : b.getSourceSection();
    }

    // ----- truth and comparison -----------------------------------------------------------

    @Operation
    public static final class ToBool {
        @Specialization
        static boolean doBoolean(boolean b) {
            return b;
        }

        @Specialization
        static boolean doLong(long l) {
            return l != 0;
        }

        @Fallback
        static boolean doObject(Object o) {
            return PyOps.isTrue(o);
        }
    }

    @Operation
    public static final class Not {
        @Specialization
        static boolean doBoolean(boolean b) {
            return !b;
        }

        @Fallback
        static boolean doObject(Object o) {
            return !PyOps.isTrue(o);
        }
    }

    @Operation
    public static final class Eq {
        @Specialization
        static boolean doLong(long a, long b) {
            return a == b;
        }

        @Fallback
        static boolean doObject(Object a, Object b) {
            return PyOps.eq(a, b);
        }
    }

    @Operation
    public static final class NotEq {
        @Specialization
        static boolean doLong(long a, long b) {
            return a != b;
        }

        @Fallback
        static boolean doObject(Object a, Object b) {
            return !PyOps.eq(a, b);
        }
    }

    @Operation
    public static final class Lt {
        @Specialization
        static boolean doLong(long a, long b) {
            return a < b;
        }

        @Specialization
        static boolean doDouble(double a, double b) {
            return a < b;
        }

        @Fallback
        static boolean doObject(Object a, Object b) {
            return Operators.lessThan(a, b);
        }
    }

    @Operation
    public static final class LtE {
        @Specialization
        static boolean doLong(long a, long b) {
            return a <= b;
        }

        @Specialization
        static boolean doDouble(double a, double b) {
            return a <= b;
        }

        @Fallback
        static boolean doObject(Object a, Object b) {
            return Operators.lessEqual(a, b);
        }
    }

    @Operation
    public static final class Gt {
        @Specialization
        static boolean doLong(long a, long b) {
            return a > b;
        }

        @Specialization
        static boolean doDouble(double a, double b) {
            return a > b;
        }

        @Fallback
        static boolean doObject(Object a, Object b) {
            return Operators.greaterThan(a, b);
        }
    }

    @Operation
    public static final class GtE {
        @Specialization
        static boolean doLong(long a, long b) {
            return a >= b;
        }

        @Specialization
        static boolean doDouble(double a, double b) {
            return a >= b;
        }

        @Fallback
        static boolean doObject(Object a, Object b) {
            return Operators.greaterEqual(a, b);
        }
    }

    @Operation
    public static final class Is {
        @Specialization
        static boolean doObject(Object a, Object b) {
            return ValueOps.is(a, b);
        }
    }

    @Operation
    public static final class IsNot {
        @Specialization
        static boolean doObject(Object a, Object b) {
            return !ValueOps.is(a, b);
        }
    }

    @Operation
    public static final class In {
        @Specialization
        static boolean doObject(Object item, Object container) {
            return Operators.contains(container, item);
        }
    }

    @Operation
    public static final class NotIn {
        @Specialization
        static boolean doObject(Object item, Object container) {
            return !Operators.contains(container, item);
        }
    }

    // ----- arithmetic ---------------------------------------------------------------------

    @Operation
    public static final class Add {
        @Specialization(rewriteOn = ArithmeticException.class)
        static long doLong(long a, long b) {
            return Math.addExact(a, b);
        }

        @Specialization
        static double doDouble(double a, double b) {
            return a + b;
        }

        @Fallback
        static Object doObject(Object a, Object b) {
            return Operators.binary(BinaryOperator.ADD, a, b);
        }
    }

    /** {@code +=}: lists grow in place; everything else is {@code +}. */
    @Operation
    public static final class InplaceAdd {
        @Specialization(rewriteOn = ArithmeticException.class)
        static long doLong(long a, long b) {
            return Math.addExact(a, b);
        }

        @Fallback
        static Object doObject(Object a, Object b) {
            return ValueOps.inplaceAdd(a, b);
        }
    }

    @Operation
    public static final class Sub {
        @Specialization(rewriteOn = ArithmeticException.class)
        static long doLong(long a, long b) {
            return Math.subtractExact(a, b);
        }

        @Specialization
        static double doDouble(double a, double b) {
            return a - b;
        }

        @Fallback
        static Object doObject(Object a, Object b) {
            return Operators.binary(BinaryOperator.SUB, a, b);
        }
    }

    @Operation
    public static final class Mul {
        @Specialization(rewriteOn = ArithmeticException.class)
        static long doLong(long a, long b) {
            return Math.multiplyExact(a, b);
        }

        @Specialization
        static double doDouble(double a, double b) {
            return a * b;
        }

        @Fallback
        static Object doObject(Object a, Object b) {
            return Operators.binary(BinaryOperator.MULT, a, b);
        }
    }

    /** The operators without a fast path of their own; the operator is a constant. */
    @Operation
    @ConstantOperand(type = BinaryOperator.class)
    public static final class BinaryOp {
        @Specialization
        static Object doObject(BinaryOperator op, Object a, Object b) {
            return Operators.binary(op, a, b);
        }
    }

    @Operation
    public static final class Neg {
        @Specialization(rewriteOn = ArithmeticException.class)
        static long doLong(long a) {
            return Math.negateExact(a);
        }

        @Fallback
        static Object doObject(Object a) {
            return ValueOps.negate(a);
        }
    }

    @Operation
    public static final class Pos {
        @Specialization
        static Object doObject(Object a) {
            return ValueOps.positive(a);
        }
    }

    @Operation
    public static final class Invert {
        @Specialization
        static Object doObject(Object a) {
            return ValueOps.invert(a);
        }
    }

    // ----- names ---------------------------------------------------------------------------

    /** Reading a local that may be unassigned. */
    @Operation
    @ConstantOperand(type = String.class)
    public static final class CheckBound {
        @Specialization
        static Object doObject(String name, Object value) {
            if (value == null) {
                throw ValueOps.unboundLocal(name);
            }
            return value;
        }
    }

    /**
     * A global or builtin name. The first lookup keeps the name's slot in the module's dict (or in
     * builtins, while the module's keys stay as they were), so later reads are a field load: the
     * role of CPython's LOAD_GLOBAL inline cache, guarded by the dict's key version there. The
     * node holds the slot itself only while the language serves a single context; code shared by
     * several contexts keeps it per function ({@link FunctionCaches}), as does a site whose
     * node's cache no longer fits (its module's name was deleted and defined again).
     */
    @Operation
    @ConstantOperand(type = String.class)
    @ImportStatic(FunctionCaches.class)
    public static final class LoadGlobal {
        @Specialization(guards = {"globals(frame) == cachedGlobals", "entry != null", "entry.isLive()"}, assumptions = "singleContext", limit = "1")
        static Object doGlobal(VirtualFrame frame, String name,
                        @Cached("singleContext()") Assumption singleContext,
                        @Cached("globals(frame)") PyDict cachedGlobals,
                        @Cached("cachedGlobals.entry(name)") PyDict.Entry entry) {
            return entry.value;
        }

        @Specialization(guards = {"globals(frame) == cachedGlobals", "entry != null", "entry.isLive()"}, assumptions = {"singleContext", "keysUnchanged"}, limit = "1")
        static Object doBuiltin(VirtualFrame frame, String name,
                        @Cached("singleContext()") Assumption singleContext,
                        @Cached("globals(frame)") PyDict cachedGlobals,
                        @Cached("cachedGlobals.keysUnchanged()") Assumption keysUnchanged,
                        @Cached("builtinEntry(cachedGlobals, name)") PyDict.Entry entry) {
            return entry.value;
        }

        @Specialization
        static Object doPerFunction(VirtualFrame frame, String name,
                        @Cached("newCacheSlot(frame)") int slot) {
            return FunctionCaches.loadGlobal(ValueOps.function(frame), slot, name);
        }

        static PyDict globals(VirtualFrame frame) {
            return ValueOps.function(frame).getGlobals().namespace();
        }

        static PyDict.Entry builtinEntry(PyDict globals, String name) {
            return ValueOps.builtinEntry(globals, name);
        }
    }

    @Operation
    @ConstantOperand(type = String.class)
    public static final class StoreGlobal {
        @Specialization
        static void doStore(VirtualFrame frame, String name, Object value) {
            ValueOps.function(frame).getGlobals().put(name, value);
        }
    }

    @Operation
    @ConstantOperand(type = String.class)
    public static final class DeleteGlobal {
        @Specialization
        static void doDelete(VirtualFrame frame, String name) {
            ValueOps.deleteGlobal(frame, name);
        }
    }

    /** A name in a class body: the class namespace, then globals, then builtins. */
    @Operation
    @ConstantOperand(type = String.class)
    public static final class LoadClassName {
        @Specialization
        static Object doLoad(VirtualFrame frame, String name) {
            return ClassOps.loadName(frame, name);
        }
    }

    @Operation
    @ConstantOperand(type = String.class)
    public static final class StoreClassName {
        @Specialization
        static void doStore(VirtualFrame frame, String name, Object value) {
            ClassOps.storeName(frame, name, value);
        }
    }

    @Operation
    @ConstantOperand(type = String.class)
    public static final class DeleteClassName {
        @Specialization
        static void doDelete(VirtualFrame frame, String name) {
            ClassOps.deleteName(frame, name);
        }
    }

    /**
     * Runs a class body (a function over the namespace) and makes the class from it, the bases and
     * the class keywords (their values follow the bases).
     */
    @Operation
    @ConstantOperand(type = String.class)
    @ConstantOperand(type = String[].class)
    public static final class BuildClass {
        @Specialization
        static Object doBuild(String name, String[] kwNames, Object body, @Variadic Object[] basesAndKeywords) {
            return ClassOps.buildClass(name, kwNames, body, basesAndKeywords);
        }
    }

    @Operation
    public static final class ZeroArgSuper {
        @Specialization
        static Object doSuper(VirtualFrame frame) {
            return ClassOps.zeroArgSuper(frame);
        }
    }

    /** The cell of a free variable, from the running function's closure. */
    @Operation
    @ConstantOperand(type = int.class)
    public static final class LoadClosureCell {
        @Specialization
        static Object doLoad(VirtualFrame frame, int index) {
            return ValueOps.function(frame).getClosure()[index];
        }
    }

    @Operation
    public static final class NewCell {
        @Specialization
        static Object doNew(Object initial) {
            return ValueOps.newCell(initial);
        }
    }

    @Operation
    @ConstantOperand(type = String.class)
    @ConstantOperand(type = boolean.class)
    public static final class CellGet {
        @Specialization
        static Object doGet(String name, boolean free, Object cell) {
            return ValueOps.cellGet(name, free, cell);
        }
    }

    @Operation
    public static final class CellSet {
        @Specialization
        static void doSet(Object cell, Object value) {
            ValueOps.cellSet(cell, value);
        }
    }

    // ----- attributes, items, displays -----------------------------------------------------

    @Operation
    @ConstantOperand(type = String.class)
    public static final class GetAttr {
        @Specialization
        static Object doGet(VirtualFrame frame, String name, Object obj, @Cached GetAttrNode get) {
            return get.execute(obj, name, ValueOps.function(frame));
        }
    }

    @Operation
    @ConstantOperand(type = String.class)
    public static final class SetAttr {
        @Specialization
        static void doSet(VirtualFrame frame, String name, Object obj, Object value, @Cached SetAttrNode set) {
            set.execute(obj, name, value, ValueOps.function(frame));
        }
    }

    @Operation
    @ConstantOperand(type = String.class)
    public static final class DelAttr {
        @Specialization
        static void doDel(String name, Object obj) {
            ValueOps.delAttr(obj, name);
        }
    }

    @Operation
    public static final class GetItem {
        @Specialization
        static Object doGet(Object obj, Object index) {
            return ValueOps.getItem(obj, index);
        }
    }

    @Operation
    public static final class SetItem {
        @Specialization
        static void doSet(Object obj, Object index, Object value) {
            ValueOps.setItem(obj, index, value);
        }
    }

    @Operation
    public static final class DelItem {
        @Specialization
        static void doDel(Object obj, Object index) {
            ValueOps.delItem(obj, index);
        }
    }

    @Operation
    public static final class BuildSlice {
        @Specialization
        static Object doBuild(Object lower, Object upper, Object step) {
            return ValueOps.slice(lower, upper, step);
        }
    }

    @Operation
    public static final class BuildList {
        @Specialization
        static Object doBuild(@Variadic Object[] items) {
            return ValueOps.list(items);
        }
    }

    @Operation
    public static final class BuildTuple {
        @Specialization
        static Object doBuild(@Variadic Object[] items) {
            return ValueOps.tuple(items);
        }
    }

    @Operation
    public static final class BuildSet {
        @Specialization
        static Object doBuild(@Variadic Object[] items) {
            return ValueOps.set(items);
        }
    }

    /** Keys and values alternate. */
    @Operation
    public static final class BuildDict {
        @Specialization
        static Object doBuild(@Variadic Object[] keysAndValues) {
            return ValueOps.dict(keysAndValues);
        }
    }

    @Operation
    public static final class ListAppend {
        @Specialization
        static void doAppend(Object list, Object item) {
            ValueOps.listAppend(list, item);
        }
    }

    @Operation
    public static final class ListExtend {
        @Specialization
        static void doExtend(Object list, Object iterable) {
            ValueOps.listExtend(list, iterable);
        }
    }

    @Operation
    public static final class ListToTuple {
        @Specialization
        static Object doConvert(Object list) {
            return ValueOps.listToTuple(list);
        }
    }

    @Operation
    public static final class SetAdd {
        @Specialization
        static void doAdd(Object set, Object item) {
            ValueOps.setAdd(set, item);
        }
    }

    @Operation
    public static final class SetUpdate {
        @Specialization
        static void doUpdate(Object set, Object iterable) {
            ValueOps.setUpdate(set, iterable);
        }
    }

    @Operation
    public static final class DictSet {
        @Specialization
        static void doSet(Object dict, Object key, Object value) {
            ValueOps.setItem(dict, key, value);
        }
    }

    @Operation
    public static final class DictUpdate {
        @Specialization
        static void doUpdate(Object dict, Object mapping) {
            ValueOps.dictUpdate(dict, mapping);
        }
    }

    /** {@code a, b, c = value}: exactly {@code count} items. */
    @Operation
    @ConstantOperand(type = int.class)
    public static final class Unpack {
        @Specialization
        static Object doUnpack(int count, Object value) {
            return ValueOps.unpack(value, count);
        }
    }

    /** {@code a, *b, c = value}: the starred part becomes a list. */
    @Operation
    @ConstantOperand(type = int.class)
    @ConstantOperand(type = int.class)
    public static final class UnpackStarred {
        @Specialization
        static Object doUnpack(int before, int after, Object value) {
            return ValueOps.unpackStarred(value, before, after);
        }
    }

    @Operation
    @ConstantOperand(type = int.class)
    public static final class ArrayElement {
        @Specialization
        static Object doGet(int index, Object array) {
            return ((Object[]) array)[index];
        }
    }

    // ----- match statement ---------------------------------------------------------------------

    /** A sequence pattern: the subject's items ({@code after < 0}: exactly {@code before}), or {@code null}. */
    @Operation
    @ConstantOperand(type = int.class)
    @ConstantOperand(type = int.class)
    public static final class MatchSequence {
        @Specialization
        static Object doMatch(int before, int after, Object subject) {
            return PatternMatching.sequence(subject, before, after);
        }
    }

    /** A mapping pattern: the values of the keys (and, with {@code rest}, a dict of the others), or {@code null}. */
    @Operation
    @ConstantOperand(type = boolean.class)
    public static final class MatchMapping {
        @Specialization
        static Object doMatch(boolean rest, Object subject, @Variadic Object[] keys) {
            return PatternMatching.mapping(subject, keys, rest);
        }
    }

    /** A class pattern: the attributes its sub-patterns match, or {@code null}. */
    @Operation
    @ConstantOperand(type = int.class)
    @ConstantOperand(type = String[].class)
    public static final class MatchClass {
        @Specialization
        static Object doMatch(int positional, String[] keywords, Object subject, Object cls) {
            return PatternMatching.classPattern(subject, cls, positional, keywords);
        }
    }

    // ----- iteration -------------------------------------------------------------------------

    /**
     * A range's and a list's iterator are made here, not behind the generic {@code iter} (a
     * boundary for the compiler), so that compiled code sees their class and the loop's
     * {@link IterNext} is a direct call it inlines.
     */
    @Operation
    public static final class GetIter {
        @Specialization
        static Object doRange(PyRange range) {
            return new PyIterator.RangeIterator(range);
        }

        @Specialization(guards = "isExactList(list)")
        static Object doList(PyList list) {
            return new PyIterator.ListIterator(list);
        }

        @Specialization
        static Object doIter(Object iterable) {
            return ValueOps.iter(iterable);
        }

        /** Not a subclass of list, which may define its own {@code __iter__}. */
        static boolean isExactList(PyList list) {
            return list.getPyType() == BuiltinTypes.LIST;
        }
    }

    /**
     * The next item, or {@code null} when the iterator is exhausted. A range's and a list's
     * iterators are called by their class, so that compiled code inlines their {@code next}
     * (CPython's {@code FOR_ITER_RANGE} and {@code FOR_ITER_LIST}); other iterators by the virtual call.
     */
    @Operation
    public static final class IterNext {
        @Specialization
        static Object doRange(PyIterator.RangeIterator iterator) {
            return iterator.next();
        }

        @Specialization
        static Object doList(PyIterator.ListIterator iterator) {
            return iterator.next();
        }

        @Specialization
        static Object doNext(Object iterator) {
            return ValueOps.next(iterator);
        }
    }

    @Operation
    public static final class IsNull {
        @Specialization
        static boolean doCheck(Object value) {
            return value == null;
        }
    }

    // ----- calls and functions ------------------------------------------------------------------

    /**
     * At each function's entry, so that a cancel reaches recursion too (the interpreter polls only
     * at loop back-edges), and at the start of each pass through a loop's body: binding the node
     * makes the generated code store the bytecode index in the frame, so a task dump taken while
     * compiled code spins in a loop (at the back-edge safepoint, which stores nothing) reads the
     * loop's line.
     */
    @Operation
    public static final class SafepointPoll {
        @Specialization
        static void doPoll(@Bind Node node) {
            TruffleSafepoint.poll(node);
        }
    }

    @Operation(tags = StandardTags.CallTag.class)
    public static final class CallFunction {
        @Specialization
        static Object doCall(Object callee, @Variadic(startOffset = 1) Object[] frameArguments,
                        @Cached CallOps.CallNode call) {
            return call.execute(callee, frameArguments);
        }
    }

    /** A call with keyword arguments: the last {@code kwNames.length} operands are their values. */
    @Operation(tags = StandardTags.CallTag.class)
    @ConstantOperand(type = String[].class)
    public static final class CallWithKeywords {
        @Specialization
        static Object doCall(String[] kwNames, Object callee, @Variadic Object[] args, @Bind Node node) {
            return CallOps.callWithKeywords(node, callee, args, kwNames);
        }
    }

    /** {@code f(*args, **kwargs)} in any mix: positional items as a list, keywords as a dict or {@code null}. */
    @Operation(tags = StandardTags.CallTag.class)
    public static final class CallVarargs {
        @Specialization
        static Object doCall(Object callee, Object positional, Object keywords, @Bind Node node) {
            return CallOps.callVarargs(node, callee, positional, keywords);
        }
    }

    /** {@code obj.name(args)} without allocating the bound method. */
    @Operation(tags = StandardTags.CallTag.class)
    @ConstantOperand(type = String.class)
    @ImportStatic(FunctionCaches.class)
    public static final class CallMethod {
        /**
         * {@code asyncio.sleep(0)}: a function of a module, its dict slot kept as {@link LoadGlobal}
         * keeps a global's (an assignment to the name updates the slot; a deletion ends it); by the
         * node while the language serves one context, else per function.
         */
        @Specialization(guards = {"module == cachedModule", "entry != null", "entry.isLive()"}, assumptions = "singleContext", limit = "1")
        static Object doModuleFunction(String name, PyModule module, @Variadic(startOffset = 2) Object[] frameArguments,
                        @Cached("singleContext()") Assumption singleContext,
                        @Cached("module") PyModule cachedModule,
                        @Cached("cachedModule.namespace().entry(name)") PyDict.Entry entry,
                        @Cached ModuleFunctionCallNode call) {
            return call.execute(entry.value, frameArguments);
        }

        @Specialization
        static Object doModuleFunctionPerFunction(VirtualFrame frame, String name, PyModule module, @Variadic(startOffset = 2) Object[] frameArguments,
                        @Cached("newCacheSlot(frame)") int slot,
                        @Shared @Cached MethodLookupNode lookup,
                        @Cached ModuleFunctionCallNode moduleCall,
                        @Shared @Cached CallOps.CallNode call) {
            PyFunction caller = ValueOps.function(frame);
            PyDict.Entry entry = FunctionCaches.moduleEntry(caller, slot, module, name);
            if (entry != null) {
                return moduleCall.execute(entry.value, frameArguments);
            }
            return CallOps.callMethod(name, module, frameArguments, caller, lookup, call);
        }

        @Specialization
        static Object doCall(VirtualFrame frame, String name, Object receiver, @Variadic(startOffset = 2) Object[] frameArguments,
                        @Shared @Cached MethodLookupNode lookup,
                        @Shared @Cached CallOps.CallNode call) {
            return CallOps.callMethod(name, receiver, frameArguments, ValueOps.function(frame), lookup, call);
        }
    }

    /** Creates a function from compiled code, its defaults and the cells it closes over. */
    @Operation
    @ConstantOperand(type = PyCode.class)
    public static final class MakeFunction {
        @Specialization
        static Object doMake(VirtualFrame frame, PyCode code, Object defaults, Object kwDefaults, @Variadic Object[] cells) {
            return CallOps.makeFunction(ValueOps.function(frame), code, defaults, kwDefaults, cells);
        }
    }

    /**
     * An expression statement drops its value. A coroutine dropped unawaited can never run:
     * CPython warns at once (its reference count drops to zero), and so does aio.
     */
    @Operation
    public static final class DropValue {
        @Specialization
        static void doDrop(Object value, @Bind BytecodeNode bytecode, @Bind("$bytecodeIndex") int bci) {
            if (value instanceof CoroutineLike c && c.isUnawaited()) {
                ValueOps.warnNeverAwaited(c, bytecode.getSourceLocation(bci));
            }
        }
    }

    /** An expression statement typed at the REPL: {@code sys.displayhook} echoes its value. */
    @Operation
    public static final class DisplayValue {
        @Specialization
        static void doDisplay(Object value) {
            ValueOps.display(value);
        }
    }

    // ----- exceptions ---------------------------------------------------------------------------

    @Operation
    public static final class RaiseException {
        @Specialization
        static void doRaise(Object exception, Object cause, @Bind Node node) {
            throw ExceptionOps.raise(exception, cause, node);
        }
    }

    /** {@code except*}: starts matching the caught exception against the handlers. */
    @Operation
    public static final class ExceptStarBegin {
        @Specialization
        static Object doBegin(Object caught) {
            return ExceptStar.begin(caught);
        }
    }

    /** {@code except* T}: whether part of what is left matches {@code T} (that part is the current match). */
    @Operation
    public static final class ExceptStarMatch {
        @Specialization
        static boolean doMatch(ExceptStar state, Object type) {
            return state.match(type);
        }
    }

    @Operation
    public static final class ExceptStarCurrentMatch {
        @Specialization
        static Object doCurrent(ExceptStar state) {
            return state.currentMatch();
        }
    }

    @Operation
    public static final class ExceptStarHandlerRaised {
        @Specialization
        static void doRaised(ExceptStar state, Object caught) {
            state.handlerRaised(caught);
        }
    }

    /** After the {@code except*} handlers: raises what is left and what they raised, if anything. */
    @Operation
    public static final class ExceptStarEnd {
        @Specialization
        static void doEnd(ExceptStar state) {
            state.end();
        }
    }

    /** Re-raises a caught exception (bare {@code raise}, or a handler that did not match). */
    @Operation
    public static final class Reraise {
        @Specialization
        static void doReraise(Object caught) {
            throw ExceptionOps.reraise(caught);
        }
    }

    /** An exception raised while handling {@code handled} gets it as its context, then goes on. */
    @Operation
    public static final class ChainAndReraise {
        @Specialization
        static void doChain(Object raised, Object handled) {
            throw ExceptionOps.chainAndReraise(raised, handled);
        }
    }

    @Operation
    public static final class ExceptionMatches {
        @Specialization
        static boolean doMatch(Object caught, Object type) {
            return ExceptionOps.matches(caught, type);
        }
    }

    /** The Python exception object of a caught exception: what {@code as e} binds. */
    @Operation
    public static final class ExceptionValue {
        @Specialization
        static Object doValue(Object caught) {
            return ExceptionOps.value(caught);
        }
    }

    @Operation
    public static final class ExceptionTraceback {
        @Specialization
        static Object doTraceback(Object caught) {
            return ExceptionOps.traceback(caught);
        }
    }

    @Operation
    public static final class ExceptionType {
        @Specialization
        static Object doType(Object caught) {
            return ExceptionOps.type(caught);
        }
    }

    /** The bound {@code __exit__} (or {@code __aexit__}) of a context manager. */
    @Operation
    @ConstantOperand(type = boolean.class)
    public static final class ContextExit {
        @Specialization
        static Object doExit(boolean async, Object manager) {
            return ExceptionOps.contextExit(manager, async);
        }
    }

    /** Calls {@code __enter__} (or {@code __aenter__}, whose result is then awaited). */
    @Operation
    @ConstantOperand(type = boolean.class)
    public static final class ContextEnter {
        @Specialization
        static Object doEnter(boolean async, Object manager) {
            return ExceptionOps.contextEnter(manager, async);
        }
    }

    @Operation
    public static final class AssertionFailed {
        @Specialization
        static void doFail(Object message, @Bind Node node) {
            throw ExceptionOps.assertionFailed(message, node);
        }
    }

    // ----- modules --------------------------------------------------------------------------------

    @Operation
    @ConstantOperand(type = String.class)
    public static final class ImportModule {
        @Specialization
        static Object doImport(String dottedName) {
            return ValueOps.importModule(dottedName);
        }
    }

    /** {@code import a.b as c} and {@code from a.b import x}: the module {@code a.b} itself. */
    @Operation
    @ConstantOperand(type = String.class)
    public static final class ImportSubmodule {
        @Specialization
        static Object doImport(String dottedName) {
            return ValueOps.importSubmodule(dottedName);
        }
    }

    @Operation
    @ConstantOperand(type = String.class)
    public static final class ImportFrom {
        @Specialization
        static Object doImport(String name, Object module) {
            return ValueOps.importFrom(module, name);
        }
    }

    /** {@code from .m import ...}: the module named relative to the running module's package. */
    @Operation
    @ConstantOperand(type = String.class)
    @ConstantOperand(type = int.class)
    public static final class ImportRelative {
        @Specialization
        static Object doImport(VirtualFrame frame, String name, int level) {
            return ValueOps.importRelative(ValueOps.function(frame).getGlobals(), name, level);
        }
    }

    /** {@code from m import *} at module level: the module's public names (or its {@code __all__}) become globals. */
    @Operation
    public static final class ImportStar {
        @Specialization
        static void doImport(VirtualFrame frame, Object module) {
            ValueOps.importStar(ValueOps.function(frame).getGlobals(), module);
        }
    }

    // ----- strings --------------------------------------------------------------------------------

    /** One f-string replacement field: conversion ('s', 'r', 'a' or -1) then format spec ({@code null} for none). */
    @Operation
    @ConstantOperand(type = int.class)
    public static final class FormatValue {
        @Specialization
        static Object doFormat(int conversion, Object value, Object spec) {
            return ValueOps.formatValue(value, conversion, spec);
        }
    }

    @Operation
    public static final class BuildString {
        @Specialization
        static Object doBuild(@Variadic Object[] parts) {
            return ValueOps.concatStrings(parts);
        }
    }

    // ----- await ----------------------------------------------------------------------------------

    /**
     * {@code await coro()}, the common case, and {@code await asyncio.sleep(0)} (a coroutine written in
     * Java) are handled here rather than behind the generic boundary.
     */
    @Operation
    public static final class GetAwaitable {
        @Specialization
        static Object doCoroutine(PyCoroutine coroutine) {
            coroutine.markAwaited();
            return coroutine;
        }

        @Specialization
        static Object doBaseCoroutine(BaseCoroutine coroutine) {
            coroutine.markAwaited();
            return coroutine;
        }

        @Specialization
        static Object doGet(Object value) {
            return AsyncOps.getAwaitable(value);
        }
    }

    /**
     * The first step of an {@code await}: steps {@code awaitable} (an operand) with
     * {@link AwaitSignal#START}; true when it suspended, and then it is kept in local
     * {@code target} for the later steps ({@link AwaitPending}); else its result is kept there, and
     * false. An awaitable that finishes in its first step (a {@code queue.get()} of a queue with
     * items, a lock's {@code __aexit__}) is never stored in the coroutine's frame, a heap object, so
     * compiled code that inlines its making and its step need not allocate it.
     */
    @Operation
    @ConstantOperand(type = LocalAccessor.class)
    public static final class AwaitStart {
        @Specialization
        static boolean doStep(VirtualFrame frame, LocalAccessor target, Object awaitable,
                        @Bind BytecodeNode bytecode,
                        @Cached AwaitStepNode step) {
            Object result = step.execute(awaitable, AwaitSignal.START);
            if (AsyncOps.isPending(result)) {
                target.setObject(bytecode, frame, awaitable);
                return true;
            }
            target.setObject(bytecode, frame, result);
            return false;
        }
    }

    /**
     * One step of the {@code await} of the awaitable held in local {@code target}
     * ({@link AwaitStepNode}): true while it is pending; once it finished, its result takes the
     * awaitable's place in the local, and false. One local per {@code await} instead of one for the
     * awaitable and one for the step's result: each slot costs every frame of the coroutine 13 bytes
     * (the frame's object, primitive and tag arrays) for as long as it lives. The awaitable is read
     * from the local rather than taken as an operand, so that nothing of the {@code await}'s own is
     * on the stack below its {@code Yield}: a suspension copies the values there from the
     * continuation's frame into the coroutine's with {@code System.arraycopy}, which Graal's escape
     * analysis cannot do into a heap frame, so in compiled code every such suspension allocated the
     * continuation frame's three arrays (about 200 bytes a task step). The slot where the body's
     * first suspension left its {@code ContinuationResult}, which such a copy used to overwrite,
     * is cleared by {@link PyCode#forgetStartSuspension} instead.
     */
    @Operation
    @ConstantOperand(type = LocalAccessor.class)
    public static final class AwaitPending {
        @Specialization
        static boolean doStep(VirtualFrame frame, LocalAccessor target, Object sent,
                        @Bind BytecodeNode bytecode,
                        @Cached AwaitStepNode step) {
            Object result = step.execute(target.getObject(bytecode, frame), sent);
            if (AsyncOps.isPending(result)) {
                return true;
            }
            target.setObject(bytecode, frame, result);
            return false;
        }
    }

    /** What a suspended {@code await} hands up to the task: a future, or {@code null} for a bare yield. */
    @Operation
    public static final class AwaitYielded {
        @Specialization(guards = "awaitable.getClass() == cachedClass", limit = "2")
        static Object doExactClass(Object awaitable,
                        @Cached("awaitable.getClass()") Class<?> cachedClass) {
            return AsyncOps.yielded(CompilerDirectives.castExact(awaitable, cachedClass));
        }

        @Specialization(replaces = "doExactClass")
        static Object doGet(Object awaitable) {
            return AsyncOps.yielded(awaitable);
        }
    }

    /** The value a generator's {@code yield} evaluates to: what send() passed, or raise what throw() passed. */
    @Operation
    public static final class Resumed {
        @Specialization
        static Object doResume(Object sent, @Bind Node node) {
            return AsyncOps.resumed(sent, node);
        }
    }

    /** Tags a value an async generator yields to its consumer. */
    @Operation
    public static final class Produce {
        @Specialization
        static Object doProduce(Object value) {
            return AsyncOps.produce(value);
        }
    }

    /** {@code async for}: the asynchronous iterator ({@code __aiter__}). */
    @Operation
    public static final class GetAIter {
        @Specialization
        static Object doGet(Object iterable) {
            return AsyncOps.aiter(iterable);
        }
    }

    /** An awaitable for the next item, whose result is {@code null} when the iterator is exhausted. */
    @Operation
    public static final class ANextOrStop {
        @Specialization
        static Object doNext(Object iterator) {
            return AsyncOps.anextOrStop(iterator);
        }
    }

    /** {@code yield from x}: the delegation that lets the await loop drive any iterator or generator. */
    @Operation
    public static final class GetYieldFromIter {
        @Specialization
        static Object doGet(Object iterable) {
            return AsyncOps.yieldFrom(iterable);
        }
    }

    /** After the coroutine's initial suspension: raise what the task threw in (cancellation before start). */
    @Operation
    public static final class CheckResume {
        @Specialization
        static void doCheck(Object sent, @Bind Node node) {
            AsyncOps.checkResume(sent, node);
        }
    }
}
