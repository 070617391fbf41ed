package dev.aio.ast;

/**
 * Private name mangling, as CPython's compiler does it ({@code _Py_Mangle}): inside a class body
 * (and the functions, lambdas and comprehensions in it) an identifier {@code __x} that does not
 * end in two underscores stands for {@code _Class__x}, so {@code class A: __x = 1} binds
 * {@code A._A__x} and {@code self.__x} in A's methods reads {@code self._A__x}.
 */
public final class PrivateNames {
    private PrivateNames() {
    }

    /**
     * {@code name} as written inside the class {@code className} ({@code null} outside any class).
     * Dunder names, dotted names and names in a class named only with underscores stay as they are.
     */
    public static String mangle(String className, String name) {
        if (className == null || !name.startsWith("__") || name.endsWith("__") || name.indexOf('.') >= 0) {
            return name;
        }
        int start = 0;
        while (start < className.length() && className.charAt(start) == '_') {
            start++;
        }
        if (start == className.length()) {
            return name;
        }
        return "_" + className.substring(start) + name;
    }
}
