package dev.aio.runtime;

import java.util.Set;

/**
 * The builtin types, shared by every context: their names and hierarchy never change. Methods are
 * attached once by the standard library (see {@link StdlibProvider}).
 */
public final class BuiltinTypes {
    private BuiltinTypes() {
    }

    public static final PyType OBJECT = new PyType("object", "builtins");
    public static final PyType TYPE = new PyType("type", "builtins", OBJECT);
    public static final PyType INT = new PyType("int", "builtins", OBJECT);
    public static final PyType BOOL = new PyType("bool", "builtins", INT);
    public static final PyType FLOAT = new PyType("float", "builtins", OBJECT);
    public static final PyType STR = new PyType("str", "builtins", OBJECT);
    public static final PyType NONE_TYPE = new PyType("NoneType", "builtins", OBJECT);
    public static final PyType NOT_IMPLEMENTED_TYPE = new PyType("NotImplementedType", "builtins", OBJECT);
    public static final PyType LIST = new PyType("list", "builtins", OBJECT);
    public static final PyType TUPLE = new PyType("tuple", "builtins", OBJECT);
    public static final PyType BYTES = new PyType("bytes", "builtins", OBJECT);
    public static final PyType BYTEARRAY = new PyType("bytearray", "builtins", OBJECT);
    public static final PyType MEMORYVIEW = new PyType("memoryview", "builtins", OBJECT);
    public static final PyType DICT = new PyType("dict", "builtins", OBJECT);
    public static final PyType SET = new PyType("set", "builtins", OBJECT);
    public static final PyType FROZENSET = new PyType("frozenset", "builtins", OBJECT);
    public static final PyType RANGE = new PyType("range", "builtins", OBJECT);
    public static final PyType SLICE = new PyType("slice", "builtins", OBJECT);
    /** CPython's {@code iterator}: the iterator of an object that has {@code __getitem__} but no {@code __iter__}. */
    public static final PyType ITERATOR = new PyType("iterator", "builtins", OBJECT);
    /** The iterators of the builtin iterables, by CPython's names ({@code type(iter([]))} is {@code list_iterator}). */
    public static final PyType LIST_ITERATOR = new PyType("list_iterator", "builtins", OBJECT);
    public static final PyType LIST_REVERSE_ITERATOR = new PyType("list_reverseiterator", "builtins", OBJECT);
    public static final PyType TUPLE_ITERATOR = new PyType("tuple_iterator", "builtins", OBJECT);
    public static final PyType RANGE_ITERATOR = new PyType("range_iterator", "builtins", OBJECT);
    public static final PyType STR_ASCII_ITERATOR = new PyType("str_ascii_iterator", "builtins", OBJECT);
    public static final PyType STR_ITERATOR = new PyType("str_iterator", "builtins", OBJECT);
    public static final PyType BYTES_ITERATOR = new PyType("bytes_iterator", "builtins", OBJECT);
    public static final PyType BYTEARRAY_ITERATOR = new PyType("bytearray_iterator", "builtins", OBJECT);
    public static final PyType MEMORY_ITERATOR = new PyType("memory_iterator", "builtins", OBJECT);
    public static final PyType DICT_KEY_ITERATOR = new PyType("dict_keyiterator", "builtins", OBJECT);
    public static final PyType DICT_VALUE_ITERATOR = new PyType("dict_valueiterator", "builtins", OBJECT);
    public static final PyType DICT_ITEM_ITERATOR = new PyType("dict_itemiterator", "builtins", OBJECT);
    public static final PyType DICT_REVERSE_KEY_ITERATOR = new PyType("dict_reversekeyiterator", "builtins", OBJECT);
    public static final PyType SET_ITERATOR = new PyType("set_iterator", "builtins", OBJECT);
    /** {@code reversed(seq)} of a sequence with no iterator of its own for it (a tuple, a str...). */
    public static final PyType REVERSED = new PyType("reversed", "builtins", OBJECT);
    /** The classes {@code map}, {@code filter}, {@code zip} and {@code enumerate}, whose instances are iterators. */
    public static final PyType MAP = new PyType("map", "builtins", OBJECT);
    public static final PyType FILTER = new PyType("filter", "builtins", OBJECT);
    public static final PyType ZIP = new PyType("zip", "builtins", OBJECT);
    public static final PyType ENUMERATE = new PyType("enumerate", "builtins", OBJECT);
    /** {@code iter(callable, sentinel)}. */
    public static final PyType CALLABLE_ITERATOR = new PyType("callable_iterator", "builtins", OBJECT);
    public static final PyType[] ITERATORS = {ITERATOR, LIST_ITERATOR, LIST_REVERSE_ITERATOR, TUPLE_ITERATOR, RANGE_ITERATOR, STR_ASCII_ITERATOR, STR_ITERATOR,
                    BYTES_ITERATOR, BYTEARRAY_ITERATOR, MEMORY_ITERATOR, DICT_KEY_ITERATOR, DICT_VALUE_ITERATOR, DICT_ITEM_ITERATOR, DICT_REVERSE_KEY_ITERATOR,
                    SET_ITERATOR, REVERSED, CALLABLE_ITERATOR, MAP, FILTER, ZIP, ENUMERATE};
    public static final PyType FUNCTION = new PyType("function", "builtins", OBJECT);
    public static final PyType BUILTIN_FUNCTION = new PyType("builtin_function_or_method", "builtins", OBJECT);
    public static final PyType METHOD = new PyType("method", "builtins", OBJECT);
    public static final PyType MODULE = new PyType("module", "builtins", OBJECT);
    public static final PyType COROUTINE = new PyType("coroutine", "builtins", OBJECT);
    public static final PyType ELLIPSIS = new PyType("ellipsis", "builtins", OBJECT);
    public static final PyType CODE = new PyType("code", "builtins", OBJECT);
    public static final PyType COMPLEX = new PyType("complex", "builtins", OBJECT);
    public static final PyType DEQUE = new PyType("deque", "collections", OBJECT).withModuleInMessages();
    public static final PyType CELL = new PyType("cell", "builtins", OBJECT);
    public static final PyType FRAME = new PyType("frame", "builtins", OBJECT);
    public static final PyType MAPPING_PROXY = new PyType("mappingproxy", "builtins", OBJECT);
    public static final PyType SIMPLE_NAMESPACE = new PyType("SimpleNamespace", "types", OBJECT).withModuleInMessages();

    public static final PyType BASE_EXCEPTION = new PyType("BaseException", "builtins", OBJECT);
    public static final PyType SYSTEM_EXIT = new PyType("SystemExit", "builtins", BASE_EXCEPTION);
    public static final PyType KEYBOARD_INTERRUPT = new PyType("KeyboardInterrupt", "builtins", BASE_EXCEPTION);
    public static final PyType GENERATOR_EXIT = new PyType("GeneratorExit", "builtins", BASE_EXCEPTION);
    public static final PyType EXCEPTION = new PyType("Exception", "builtins", BASE_EXCEPTION);
    public static final PyType STOP_ITERATION = new PyType("StopIteration", "builtins", EXCEPTION);
    public static final PyType STOP_ASYNC_ITERATION = new PyType("StopAsyncIteration", "builtins", EXCEPTION);
    public static final PyType ARITHMETIC_ERROR = new PyType("ArithmeticError", "builtins", EXCEPTION);
    public static final PyType ZERO_DIVISION_ERROR = new PyType("ZeroDivisionError", "builtins", ARITHMETIC_ERROR);
    public static final PyType OVERFLOW_ERROR = new PyType("OverflowError", "builtins", ARITHMETIC_ERROR);
    public static final PyType EOF_ERROR = new PyType("EOFError", "builtins", EXCEPTION);
    public static final PyType MEMORY_ERROR = new PyType("MemoryError", "builtins", EXCEPTION);
    public static final PyType ASSERTION_ERROR = new PyType("AssertionError", "builtins", EXCEPTION);
    public static final PyType ATTRIBUTE_ERROR = new PyType("AttributeError", "builtins", EXCEPTION);
    public static final PyType LOOKUP_ERROR = new PyType("LookupError", "builtins", EXCEPTION);
    public static final PyType INDEX_ERROR = new PyType("IndexError", "builtins", LOOKUP_ERROR);
    public static final PyType KEY_ERROR = new PyType("KeyError", "builtins", LOOKUP_ERROR);
    public static final PyType NAME_ERROR = new PyType("NameError", "builtins", EXCEPTION);
    public static final PyType UNBOUND_LOCAL_ERROR = new PyType("UnboundLocalError", "builtins", NAME_ERROR);
    public static final PyType OS_ERROR = new PyType("OSError", "builtins", EXCEPTION);
    public static final PyType TIMEOUT_ERROR = new PyType("TimeoutError", "builtins", OS_ERROR);
    public static final PyType FILE_NOT_FOUND_ERROR = new PyType("FileNotFoundError", "builtins", OS_ERROR);
    public static final PyType FILE_EXISTS_ERROR = new PyType("FileExistsError", "builtins", OS_ERROR);
    public static final PyType PERMISSION_ERROR = new PyType("PermissionError", "builtins", OS_ERROR);
    public static final PyType IS_A_DIRECTORY_ERROR = new PyType("IsADirectoryError", "builtins", OS_ERROR);
    public static final PyType NOT_A_DIRECTORY_ERROR = new PyType("NotADirectoryError", "builtins", OS_ERROR);
    public static final PyType INTERRUPTED_ERROR = new PyType("InterruptedError", "builtins", OS_ERROR);
    public static final PyType BLOCKING_IO_ERROR = new PyType("BlockingIOError", "builtins", OS_ERROR);
    public static final PyType CHILD_PROCESS_ERROR = new PyType("ChildProcessError", "builtins", OS_ERROR);
    public static final PyType PROCESS_LOOKUP_ERROR = new PyType("ProcessLookupError", "builtins", OS_ERROR);
    public static final PyType CONNECTION_ERROR = new PyType("ConnectionError", "builtins", OS_ERROR);
    public static final PyType BROKEN_PIPE_ERROR = new PyType("BrokenPipeError", "builtins", CONNECTION_ERROR);
    public static final PyType CONNECTION_ABORTED_ERROR = new PyType("ConnectionAbortedError", "builtins", CONNECTION_ERROR);
    public static final PyType CONNECTION_REFUSED_ERROR = new PyType("ConnectionRefusedError", "builtins", CONNECTION_ERROR);
    public static final PyType CONNECTION_RESET_ERROR = new PyType("ConnectionResetError", "builtins", CONNECTION_ERROR);
    public static final PyType IMPORT_ERROR = new PyType("ImportError", "builtins", EXCEPTION);
    public static final PyType MODULE_NOT_FOUND_ERROR = new PyType("ModuleNotFoundError", "builtins", IMPORT_ERROR);
    public static final PyType RUNTIME_ERROR = new PyType("RuntimeError", "builtins", EXCEPTION);
    public static final PyType NOT_IMPLEMENTED_ERROR = new PyType("NotImplementedError", "builtins", RUNTIME_ERROR);
    public static final PyType RECURSION_ERROR = new PyType("RecursionError", "builtins", RUNTIME_ERROR);
    public static final PyType TYPE_ERROR = new PyType("TypeError", "builtins", EXCEPTION);
    public static final PyType VALUE_ERROR = new PyType("ValueError", "builtins", EXCEPTION);
    public static final PyType UNICODE_ERROR = new PyType("UnicodeError", "builtins", VALUE_ERROR);
    public static final PyType UNICODE_DECODE_ERROR = new PyType("UnicodeDecodeError", "builtins", UNICODE_ERROR);
    public static final PyType UNICODE_ENCODE_ERROR = new PyType("UnicodeEncodeError", "builtins", UNICODE_ERROR);
    public static final PyType SYSTEM_ERROR = new PyType("SystemError", "builtins", EXCEPTION);
    public static final PyType SYNTAX_ERROR = new PyType("SyntaxError", "builtins", EXCEPTION);
    public static final PyType INDENTATION_ERROR = new PyType("IndentationError", "builtins", SYNTAX_ERROR);

    public static final PyType WARNING = new PyType("Warning", "builtins", EXCEPTION);
    public static final PyType USER_WARNING = new PyType("UserWarning", "builtins", WARNING);
    public static final PyType DEPRECATION_WARNING = new PyType("DeprecationWarning", "builtins", WARNING);
    public static final PyType PENDING_DEPRECATION_WARNING = new PyType("PendingDeprecationWarning", "builtins", WARNING);
    public static final PyType SYNTAX_WARNING = new PyType("SyntaxWarning", "builtins", WARNING);
    public static final PyType RUNTIME_WARNING = new PyType("RuntimeWarning", "builtins", WARNING);
    public static final PyType FUTURE_WARNING = new PyType("FutureWarning", "builtins", WARNING);
    public static final PyType IMPORT_WARNING = new PyType("ImportWarning", "builtins", WARNING);
    public static final PyType UNICODE_WARNING = new PyType("UnicodeWarning", "builtins", WARNING);
    public static final PyType BYTES_WARNING = new PyType("BytesWarning", "builtins", WARNING);
    public static final PyType RESOURCE_WARNING = new PyType("ResourceWarning", "builtins", WARNING);
    public static final PyType ENCODING_WARNING = new PyType("EncodingWarning", "builtins", WARNING);

    public static final PyType BASE_EXCEPTION_GROUP = new PyType("BaseExceptionGroup", "builtins", BASE_EXCEPTION);
    public static final PyType EXCEPTION_GROUP = new PyType("ExceptionGroup", "builtins", BASE_EXCEPTION_GROUP, EXCEPTION);

    public static final PyType CANCELLED_ERROR = new PyType("CancelledError", "asyncio.exceptions", BASE_EXCEPTION);
    public static final PyType INVALID_STATE_ERROR = new PyType("InvalidStateError", "asyncio.exceptions", EXCEPTION);

    /** The exception types visible as builtins, in the order {@code dir(builtins)} would not care about. */
    public static final PyType[] BUILTIN_EXCEPTIONS = {BASE_EXCEPTION, SYSTEM_EXIT, KEYBOARD_INTERRUPT, GENERATOR_EXIT, EXCEPTION, STOP_ITERATION,
                    STOP_ASYNC_ITERATION, ARITHMETIC_ERROR, ZERO_DIVISION_ERROR, OVERFLOW_ERROR, EOF_ERROR, MEMORY_ERROR, ASSERTION_ERROR, ATTRIBUTE_ERROR, LOOKUP_ERROR,
                    INDEX_ERROR, KEY_ERROR, NAME_ERROR, UNBOUND_LOCAL_ERROR, OS_ERROR, TIMEOUT_ERROR, FILE_NOT_FOUND_ERROR, FILE_EXISTS_ERROR,
                    PERMISSION_ERROR, IS_A_DIRECTORY_ERROR, NOT_A_DIRECTORY_ERROR, INTERRUPTED_ERROR, BLOCKING_IO_ERROR, CHILD_PROCESS_ERROR,
                    PROCESS_LOOKUP_ERROR, CONNECTION_ERROR, BROKEN_PIPE_ERROR, CONNECTION_ABORTED_ERROR, CONNECTION_REFUSED_ERROR,
                    CONNECTION_RESET_ERROR, IMPORT_ERROR,
                    MODULE_NOT_FOUND_ERROR, RUNTIME_ERROR, NOT_IMPLEMENTED_ERROR, RECURSION_ERROR, TYPE_ERROR, VALUE_ERROR, UNICODE_ERROR,
                    UNICODE_DECODE_ERROR, UNICODE_ENCODE_ERROR,
                    SYSTEM_ERROR, SYNTAX_ERROR, INDENTATION_ERROR, WARNING, USER_WARNING, DEPRECATION_WARNING, PENDING_DEPRECATION_WARNING,
                    SYNTAX_WARNING, RUNTIME_WARNING, FUTURE_WARNING, IMPORT_WARNING, UNICODE_WARNING, BYTES_WARNING, RESOURCE_WARNING, ENCODING_WARNING};

    /** The builtin types CPython does not let a class derive from (they lack Py_TPFLAGS_BASETYPE). */
    private static final Set<PyType> FINAL = Set.of(BOOL, NONE_TYPE, NOT_IMPLEMENTED_TYPE, MEMORYVIEW, RANGE, SLICE, FUNCTION, BUILTIN_FUNCTION, METHOD,
                    COROUTINE, ELLIPSIS, CODE, CELL, FRAME, MAPPING_PROXY);

    /** Whether {@code class C(t)} is CPython's {@code type 't' is not an acceptable base type}. */
    public static boolean isFinal(PyType t) {
        return FINAL.contains(t);
    }

    /** {@code OSError(errno, strerror)} makes the subclass for that errno (Linux numbers), as CPython does. */
    public static PyType osErrorFor(long errno) {
        return switch ((int) errno) {
            case 1, 13 -> PERMISSION_ERROR;
            case 2 -> FILE_NOT_FOUND_ERROR;
            case 3 -> PROCESS_LOOKUP_ERROR;
            case 4 -> INTERRUPTED_ERROR;
            case 10 -> CHILD_PROCESS_ERROR;
            case 11, 114, 115 -> BLOCKING_IO_ERROR;
            case 17 -> FILE_EXISTS_ERROR;
            case 20 -> NOT_A_DIRECTORY_ERROR;
            case 21 -> IS_A_DIRECTORY_ERROR;
            case 32, 108 -> BROKEN_PIPE_ERROR;
            case 103 -> CONNECTION_ABORTED_ERROR;
            case 104 -> CONNECTION_RESET_ERROR;
            case 110 -> TIMEOUT_ERROR;
            case 111 -> CONNECTION_REFUSED_ERROR;
            default -> OS_ERROR;
        };
    }

    static {
        // The builtins CPython 3.11 marks Py_TPFLAGS_SEQUENCE / Py_TPFLAGS_MAPPING (match patterns).
        for (PyType t : new PyType[]{LIST, TUPLE, RANGE, DEQUE, MEMORYVIEW}) {
            t.setCollectionFlags(PyType.SEQUENCE);
        }
        DICT.setCollectionFlags(PyType.MAPPING);
        MAPPING_PROXY.setCollectionFlags(PyType.MAPPING);
        // The mutable containers are unhashable: their __hash__ is None, as collections.abc.Hashable checks.
        for (PyType t : new PyType[]{LIST, DICT, SET, BYTEARRAY, DEQUE}) {
            t.define("__hash__", PyNone.NONE);
        }
    }

    public static boolean isExceptionType(PyType t) {
        return t.isSubtypeOf(BASE_EXCEPTION);
    }
}
