package dev.aio.stdlib;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Bytes;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyValueInstance;
import dev.aio.runtime.StrFormat;
import dev.aio.runtime.Subscripts;

/** Methods of {@code str}. */
public final class StrMethods {
    private StrMethods() {
    }

    /** Installs these on {@code str}. */
    static void install() {
        BuiltinTypes.STR.defineBuiltins(StrMethodsFactory.getFactories());
    }

    @Builtin(name = "join", params = {"self", "iterable"})
    @GenerateNodeFactory
    abstract static class JoinNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doJoin(String self, Object iterable) {
            StringBuilder sb = new StringBuilder();
            Object[] items = Iteration.toArray(iterable);
            for (int i = 0; i < items.length; i++) {
                if (!(PyValueInstance.unwrap(items[i]) instanceof String s)) {
                    throw PyErrors.typeError("sequence item " + i + ": expected str instance, " + PyOps.typeName(items[i]) + " found");
                }
                if (i > 0) {
                    sb.append(self);
                }
                sb.append(s);
            }
            return sb.toString();
        }
    }

    @Builtin(name = "split", params = {"self", "sep", "maxsplit"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class SplitNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doSplit(String self, Object sep, Object maxsplit) {
            long max = Args.given(maxsplit) ? Args.index(maxsplit, "maxsplit") : -1;
            Object separator = Args.orDefault(sep, null);
            List<Object> parts = new ArrayList<>();
            if (separator == null) {
                int i = 0;
                int n = self.length();
                while (true) {
                    while (i < n && Character.isWhitespace(self.charAt(i))) {
                        i++;
                    }
                    if (i >= n) {
                        break;
                    }
                    if (max >= 0 && parts.size() == max) {
                        parts.add(self.substring(i).stripTrailing());
                        break;
                    }
                    int j = i;
                    while (j < n && !Character.isWhitespace(self.charAt(j))) {
                        j++;
                    }
                    parts.add(self.substring(i, j));
                    i = j;
                }
                return new PyList(parts);
            }
            String s = Args.string(separator, "must be str or None, not " + PyOps.typeName(separator));
            if (s.isEmpty()) {
                throw PyErrors.valueError("empty separator");
            }
            int start = 0;
            while (max < 0 || parts.size() < max) {
                int k = self.indexOf(s, start);
                if (k < 0) {
                    break;
                }
                parts.add(self.substring(start, k));
                start = k + s.length();
            }
            parts.add(self.substring(start));
            return new PyList(parts);
        }
    }

    @Builtin(name = "splitlines", params = {"self", "keepends"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class SplitLinesNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doSplitLines(String self, Object keepends) {
            boolean keep = Args.given(keepends) && PyOps.isTrue(keepends);
            List<Object> lines = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < self.length(); i++) {
                char c = self.charAt(i);
                if (c == '\n' || c == '\r') {
                    int end = i;
                    if (c == '\r' && i + 1 < self.length() && self.charAt(i + 1) == '\n') {
                        i++;
                    }
                    lines.add(self.substring(start, keep ? i + 1 : end));
                    start = i + 1;
                }
            }
            if (start < self.length()) {
                lines.add(self.substring(start));
            }
            return new PyList(lines);
        }
    }

    @Builtin(name = "strip", params = {"self", "chars"}, required = 1)
    @GenerateNodeFactory
    abstract static class StripNode extends BuiltinNode {
        @Specialization
        static Object doStrip(String self, Object chars) {
            return strip(self, chars, true, true);
        }
    }

    @Builtin(name = "lstrip", params = {"self", "chars"}, required = 1)
    @GenerateNodeFactory
    abstract static class LStripNode extends BuiltinNode {
        @Specialization
        static Object doStrip(String self, Object chars) {
            return strip(self, chars, true, false);
        }
    }

    @Builtin(name = "rstrip", params = {"self", "chars"}, required = 1)
    @GenerateNodeFactory
    abstract static class RStripNode extends BuiltinNode {
        @Specialization
        static Object doStrip(String self, Object chars) {
            return strip(self, chars, false, true);
        }
    }

    @TruffleBoundary
    static String strip(String s, Object chars, boolean left, boolean right) {
        Object set = Args.orDefault(chars, null);
        String cs = set == null ? null : Args.string(set, "strip arg");
        int i = 0;
        int j = s.length();
        while (left && i < j && (cs == null ? Character.isWhitespace(s.charAt(i)) : cs.indexOf(s.charAt(i)) >= 0)) {
            i++;
        }
        while (right && j > i && (cs == null ? Character.isWhitespace(s.charAt(j - 1)) : cs.indexOf(s.charAt(j - 1)) >= 0)) {
            j--;
        }
        return s.substring(i, j);
    }

    @Builtin(name = "upper", params = {"self"})
    @GenerateNodeFactory
    abstract static class UpperNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doUpper(String self) {
            return self.toUpperCase(Locale.ROOT);
        }
    }

    @Builtin(name = "lower", params = {"self"})
    @GenerateNodeFactory
    abstract static class LowerNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doLower(String self) {
            return self.toLowerCase(Locale.ROOT);
        }
    }

    @Builtin(name = "capitalize", params = {"self"})
    @GenerateNodeFactory
    abstract static class CapitalizeNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doCapitalize(String self) {
            if (self.isEmpty()) {
                return self;
            }
            int first = self.codePointAt(0);
            int n = Character.charCount(first);
            return new String(Character.toChars(Character.toTitleCase(first))) + self.substring(n).toLowerCase(Locale.ROOT);
        }
    }

    @Builtin(name = "title", params = {"self"})
    @GenerateNodeFactory
    abstract static class TitleNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doTitle(String self) {
            StringBuilder sb = new StringBuilder();
            boolean previousCased = false;
            for (int i = 0; i < self.length(); i++) {
                char c = self.charAt(i);
                sb.append(previousCased ? Character.toLowerCase(c) : Character.toTitleCase(c));
                previousCased = Character.isLetter(c);
            }
            return sb.toString();
        }
    }

    @Builtin(name = "replace", params = {"self", "old", "new", "count"}, required = 3)
    @GenerateNodeFactory
    abstract static class ReplaceNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doReplace(String self, Object old, Object replacement, Object count) {
            String o = Args.string(old, "replace() argument 1");
            String r = Args.string(replacement, "replace() argument 2");
            long max = Args.given(count) ? Args.index(count, "count") : -1;
            if (max < 0) {
                return self.replace(o, r);
            }
            StringBuilder sb = new StringBuilder();
            int start = 0;
            for (long k = 0; k < max; k++) {
                int at = o.isEmpty() ? (start <= self.length() ? start : -1) : self.indexOf(o, start);
                if (at < 0) {
                    break;
                }
                sb.append(self, start, at).append(r);
                if (o.isEmpty()) {
                    if (at < self.length()) {
                        sb.append(self.charAt(at));
                    }
                    start = at + 1;
                } else {
                    start = at + o.length();
                }
            }
            if (start <= self.length()) {
                sb.append(self.substring(start));
            }
            return sb.toString();
        }
    }

    @Builtin(name = "startswith", params = {"self", "prefix", "start", "end"}, required = 2)
    @GenerateNodeFactory
    abstract static class StartsWithNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doStartsWith(String self, Object prefix, Object start, Object end) {
            return affix(self, prefix, start, end, true);
        }
    }

    @Builtin(name = "endswith", params = {"self", "suffix", "start", "end"}, required = 2)
    @GenerateNodeFactory
    abstract static class EndsWithNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doEndsWith(String self, Object suffix, Object start, Object end) {
            return affix(self, suffix, start, end, false);
        }
    }

    /** startswith/endswith: whether {@code self[start:end]} begins (ends) with the affix or one of a tuple of them. */
    static boolean affix(String self, Object affix, Object start, Object end, boolean prefix) {
        String name = prefix ? "startswith" : "endswith";
        affix = PyValueInstance.unwrap(affix);
        if (!(affix instanceof String) && !(affix instanceof PyTuple)) {
            throw PyErrors.typeError(name + " first arg must be str or a tuple of str, not " + PyOps.typeName(affix));
        }
        int[] w = window(self, start, end);
        if (w == null) {
            return false;
        }
        int from = self.offsetByCodePoints(0, w[0]);
        String part = self.substring(from, self.offsetByCodePoints(from, w[1] - w[0]));
        for (Object a : affix instanceof PyTuple t ? t.items() : new Object[]{affix}) {
            if (!(PyValueInstance.unwrap(a) instanceof String x)) {
                throw PyErrors.typeError("tuple for " + name + " must only contain str, not " + PyOps.typeName(a));
            }
            if (prefix ? part.startsWith(x) : part.endsWith(x)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code s[start:end]} for find, rfind, index and count: the window's start and end in code
     * points, clamped as a slice is; {@code null} when start lies beyond the string.
     */
    static int[] window(String self, Object start, Object end) {
        int n = self.codePointCount(0, self.length());
        long from = Args.given(start) && start != PyNone.NONE ? Args.index(start, "slice indices") : 0;
        long to = Args.given(end) && end != PyNone.NONE ? Args.index(end, "slice indices") : n;
        from = from < 0 ? Math.max(0, from + n) : from;
        to = to < 0 ? Math.max(0, to + n) : Math.min(to, n);
        if (from > n) {
            return null;
        }
        return new int[]{(int) from, (int) Math.max(from, to)};
    }

    /** The index (in code points, in all of self) of sub in the window, searching from the end when {@code last}; -1 if absent. */
    static long search(String self, Object sub, Object start, Object end, boolean last, String what) {
        String needle = Args.string(sub, what + " argument");
        int[] w = window(self, start, end);
        if (w == null) {
            return -1;
        }
        int from = self.offsetByCodePoints(0, w[0]);
        String hay = self.substring(from, self.offsetByCodePoints(from, w[1] - w[0]));
        int i = last ? hay.lastIndexOf(needle) : hay.indexOf(needle);
        return i < 0 ? -1 : w[0] + hay.codePointCount(0, i);
    }

    @Builtin(name = "find", params = {"self", "sub", "start", "end"}, required = 2)
    @GenerateNodeFactory
    abstract static class FindNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static long doFind(String self, Object sub, Object start, Object end) {
            return search(self, sub, start, end, false, "find()");
        }
    }

    @Builtin(name = "rfind", params = {"self", "sub", "start", "end"}, required = 2)
    @GenerateNodeFactory
    abstract static class RFindNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static long doRFind(String self, Object sub, Object start, Object end) {
            return search(self, sub, start, end, true, "rfind()");
        }
    }

    @Builtin(name = "index", params = {"self", "sub", "start", "end"}, required = 2)
    @GenerateNodeFactory
    abstract static class IndexNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static long doIndex(String self, Object sub, Object start, Object end) {
            long i = search(self, sub, start, end, false, "index()");
            if (i < 0) {
                throw PyErrors.valueError("substring not found");
            }
            return i;
        }
    }

    @Builtin(name = "rindex", params = {"self", "sub", "start", "end"}, required = 2)
    @GenerateNodeFactory
    abstract static class RIndexNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static long doRIndex(String self, Object sub, Object start, Object end) {
            long i = search(self, sub, start, end, true, "rindex()");
            if (i < 0) {
                throw PyErrors.valueError("substring not found");
            }
            return i;
        }
    }

    @Builtin(name = "count", params = {"self", "sub", "start", "end"}, required = 2)
    @GenerateNodeFactory
    abstract static class CountNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static long doCount(String self, Object sub, Object start, Object end) {
            String s = Args.string(sub, "count() argument");
            int[] w = window(self, start, end);
            if (w == null) {
                return 0;
            }
            int from = self.offsetByCodePoints(0, w[0]);
            String hay = self.substring(from, self.offsetByCodePoints(from, w[1] - w[0]));
            if (s.isEmpty()) {
                return w[1] - w[0] + 1;
            }
            long n = 0;
            for (int i = hay.indexOf(s); i >= 0; i = hay.indexOf(s, i + s.length())) {
                n++;
            }
            return n;
        }
    }

    @Builtin(name = "ljust", params = {"self", "width", "fillchar"}, required = 2)
    @GenerateNodeFactory
    abstract static class LJustNode extends BuiltinNode {
        @Specialization
        static Object doLJust(String self, Object width, Object fill) {
            return pad(self, width, fill, 0);
        }
    }

    @Builtin(name = "rjust", params = {"self", "width", "fillchar"}, required = 2)
    @GenerateNodeFactory
    abstract static class RJustNode extends BuiltinNode {
        @Specialization
        static Object doRJust(String self, Object width, Object fill) {
            return pad(self, width, fill, 1);
        }
    }

    @Builtin(name = "center", params = {"self", "width", "fillchar"}, required = 2)
    @GenerateNodeFactory
    abstract static class CenterNode extends BuiltinNode {
        @Specialization
        static Object doCenter(String self, Object width, Object fill) {
            return pad(self, width, fill, 2);
        }
    }

    /** align: 0 left, 1 right, 2 center (CPython puts the odd extra fill character on the right when both sides can't be equal... on the left when the width's parity says so). */
    @TruffleBoundary
    static String pad(String s, Object width, Object fill, int align) {
        long w = Args.index(width, "width");
        String f = Args.given(fill) ? Args.string(fill, "fillchar") : " ";
        if (f.codePointCount(0, f.length()) != 1) {
            throw PyErrors.typeError("The fill character must be exactly one character long");
        }
        int len = s.codePointCount(0, s.length());
        if (w <= len) {
            return s;
        }
        int total = PyErrors.checkedLength(w) - len;
        int left;
        if (align == 0) {
            left = 0;
        } else if (align == 1) {
            left = total;
        } else {
            left = total / 2 + (total & (int) w & 1);
        }
        return f.repeat(left) + s + f.repeat(total - left);
    }

    @Builtin(name = "zfill", params = {"self", "width"})
    @GenerateNodeFactory
    abstract static class ZFillNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doZFill(String self, Object width) {
            long w = Args.index(width, "width");
            int len = self.codePointCount(0, self.length());
            if (w <= len) {
                return self;
            }
            String zeros = "0".repeat(PyErrors.checkedLength(w) - len);
            if (!self.isEmpty() && (self.charAt(0) == '+' || self.charAt(0) == '-')) {
                return self.charAt(0) + zeros + self.substring(1);
            }
            return zeros + self;
        }
    }

    @Builtin(name = "isdigit", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsDigitNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doCheck(String self) {
            return !self.isEmpty() && self.codePoints().allMatch(Character::isDigit);
        }
    }

    @Builtin(name = "isalpha", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsAlphaNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doCheck(String self) {
            return !self.isEmpty() && self.codePoints().allMatch(Character::isLetter);
        }
    }

    @Builtin(name = "isalnum", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsAlnumNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doCheck(String self) {
            return !self.isEmpty() && self.codePoints().allMatch(Character::isLetterOrDigit);
        }
    }

    @Builtin(name = "isspace", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsSpaceNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doCheck(String self) {
            return !self.isEmpty() && self.codePoints().allMatch(Character::isWhitespace);
        }
    }

    @Builtin(name = "isupper", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsUpperNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doCheck(String self) {
            return self.codePoints().anyMatch(Character::isUpperCase) && self.codePoints().noneMatch(Character::isLowerCase);
        }
    }

    @Builtin(name = "islower", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsLowerNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doCheck(String self) {
            return self.codePoints().anyMatch(Character::isLowerCase) && self.codePoints().noneMatch(Character::isUpperCase);
        }
    }

    @Builtin(name = "partition", params = {"self", "sep"})
    @GenerateNodeFactory
    abstract static class PartitionNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doPartition(String self, Object sep) {
            String s = Args.string(sep, "partition() argument");
            int i = self.indexOf(s);
            if (i < 0) {
                return PyTuple.of(self, "", "");
            }
            return PyTuple.of(self.substring(0, i), s, self.substring(i + s.length()));
        }
    }

    @Builtin(name = "format", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class FormatNode extends BuiltinNode {
        @Specialization
        static Object doFormat(String self, PyTuple args, PyDict kwargs) {
            return StrFormat.format(self, args, kwargs);
        }
    }

    @Builtin(name = "format_map", params = {"self", "mapping"})
    @GenerateNodeFactory
    abstract static class FormatMapNode extends BuiltinNode {
        @Specialization
        static Object doFormatMap(String self, Object mapping) {
            if (!(mapping instanceof PyDict d)) {
                throw PyErrors.typeError("format_map() argument must be a mapping, not " + PyOps.typeName(mapping));
            }
            return StrFormat.format(self, PyTuple.EMPTY, d);
        }
    }

    @Builtin(name = "isidentifier", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsIdentifierNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doCheck(String self) {
            if (self.isEmpty()) {
                return false;
            }
            int first = self.codePointAt(0);
            if (first != '_' && !Character.isLetter(first)) {
                return false;
            }
            return self.codePoints().allMatch(c -> c == '_' || Character.isLetterOrDigit(c));
        }
    }

    @Builtin(name = "isnumeric", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsNumericNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doCheck(String self) {
            return !self.isEmpty() && self.codePoints().allMatch(c -> Character.isDigit(c) || Character.getType(c) == Character.LETTER_NUMBER || Character.getType(c) == Character.OTHER_NUMBER);
        }
    }

    @Builtin(name = "isdecimal", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsDecimalNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doCheck(String self) {
            return !self.isEmpty() && self.codePoints().allMatch(c -> Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER);
        }
    }

    @Builtin(name = "removeprefix", params = {"self", "prefix"})
    @GenerateNodeFactory
    abstract static class RemovePrefixNode extends BuiltinNode {
        @Specialization
        static Object doRemove(String self, Object prefix) {
            String p = Args.string(prefix, "removeprefix() argument");
            return self.startsWith(p) ? self.substring(p.length()) : self;
        }
    }

    @Builtin(name = "removesuffix", params = {"self", "suffix"})
    @GenerateNodeFactory
    abstract static class RemoveSuffixNode extends BuiltinNode {
        @Specialization
        static Object doRemove(String self, Object suffix) {
            String p = Args.string(suffix, "removesuffix() argument");
            return self.endsWith(p) && !p.isEmpty() ? self.substring(0, self.length() - p.length()) : self;
        }
    }

    @Builtin(name = "rpartition", params = {"self", "sep"})
    @GenerateNodeFactory
    abstract static class RPartitionNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doPartition(String self, Object sep) {
            String s = Args.string(sep, "rpartition() argument");
            if (s.isEmpty()) {
                throw PyErrors.valueError("empty separator");
            }
            int i = self.lastIndexOf(s);
            if (i < 0) {
                return PyTuple.of("", "", self);
            }
            return PyTuple.of(self.substring(0, i), s, self.substring(i + s.length()));
        }
    }

    @Builtin(name = "rsplit", params = {"self", "sep", "maxsplit"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class RSplitNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRSplit(String self, Object sep, Object maxsplit) {
            long max = Args.given(maxsplit) ? Args.index(maxsplit, "maxsplit") : -1;
            Object separator = Args.orDefault(sep, null);
            if (max < 0) {
                return SplitNode.doSplit(self, sep, maxsplit);
            }
            List<Object> parts = new ArrayList<>();
            if (separator == null) {
                int j = self.length();
                while (true) {
                    while (j > 0 && Character.isWhitespace(self.charAt(j - 1))) {
                        j--;
                    }
                    if (j <= 0) {
                        break;
                    }
                    if (parts.size() == max) {
                        parts.add(self.substring(0, j));
                        break;
                    }
                    int i = j;
                    while (i > 0 && !Character.isWhitespace(self.charAt(i - 1))) {
                        i--;
                    }
                    parts.add(self.substring(i, j));
                    j = i;
                }
            } else {
                String s = Args.string(separator, "rsplit() argument");
                if (s.isEmpty()) {
                    throw PyErrors.valueError("empty separator");
                }
                int end = self.length();
                while (parts.size() < max) {
                    int i = self.lastIndexOf(s, end - s.length());
                    if (i < 0 || end - s.length() < 0) {
                        break;
                    }
                    parts.add(self.substring(i + s.length(), end));
                    end = i;
                }
                parts.add(self.substring(0, end));
            }
            Collections.reverse(parts);
            return new PyList(parts);
        }
    }

    @Builtin(name = "casefold", params = {"self"})
    @GenerateNodeFactory
    abstract static class CaseFoldNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doFold(String self) {
            return self.toLowerCase(Locale.ROOT);
        }
    }

    @Builtin(name = "swapcase", params = {"self"})
    @GenerateNodeFactory
    abstract static class SwapCaseNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doSwap(String self) {
            StringBuilder sb = new StringBuilder();
            self.codePoints().forEach(c -> sb.appendCodePoint(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.isLowerCase(c) ? Character.toUpperCase(c) : c));
            return sb.toString();
        }
    }

    @Builtin(name = "str", constructor = true, params = {"cls", "object", "encoding", "errors"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class StrNode extends BuiltinNode {
        @Specialization
        static Object doStr(Object cls, Object x, Object encoding, Object errors) {
            if (Args.given(encoding) || Args.given(errors)) {
                // str(b, encoding, errors) decodes, as bytes.decode does.
                byte[] b = Bytes.bufferOf(x);
                if (x instanceof String) {
                    throw PyErrors.typeError("decoding str is not supported");
                }
                if (b == null) {
                    throw PyErrors.typeError("decoding to str: need a bytes-like object, " + PyOps.typeName(x) + " found");
                }
                return CodecsModule.decodeText(b, Args.given(encoding) ? Args.string(encoding, "str() argument 'encoding'") : "utf-8",
                                Args.given(errors) ? Args.string(errors, "str() argument 'errors'") : "strict");
            }
            return Args.given(x) ? PyOps.str(x) : "";
        }
    }

    @Builtin(name = "encode", params = {"self", "encoding", "errors"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class EncodeNode extends BuiltinNode {
        @Specialization
        static Object doEncode(String self, Object encoding, Object errors) {
            return new PyBytes(CodecsModule.encodeText(self, Args.given(encoding) ? Args.string(encoding, "encode() argument 'encoding'") : "utf-8",
                            Args.given(errors) ? Args.string(errors, "encode() argument 'errors'") : "strict"));
        }
    }

    /** {@code str.expandtabs(tabsize=8)}: each tab up to the next multiple of tabsize, columns counted from the last newline. */
    @Builtin(name = "expandtabs", params = {"self", "tabsize"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class ExpandTabsNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doExpandTabs(String self, Object tabsize) {
            long size = Args.given(tabsize) ? Args.index(tabsize, "tabsize") : 8;
            StringBuilder sb = new StringBuilder();
            long column = 0;
            for (int i = 0; i < self.length(); i++) {
                char c = self.charAt(i);
                if (c == '\t') {
                    if (size > 0) {
                        long spaces = size - column % size;
                        sb.append(" ".repeat(PyErrors.checkedLength(spaces)));
                        column += spaces;
                    }
                } else {
                    sb.append(c);
                    column = c == '\n' || c == '\r' ? 0 : column + (Character.isLowSurrogate(c) ? 0 : 1);
                }
            }
            return sb.toString();
        }
    }

    /**
     * {@code str.translate(table)}: each character's code point looked up in the table
     * ({@code __getitem__}); a LookupError keeps the character, None deletes it, an int or a str
     * replaces it.
     */
    @Builtin(name = "translate", params = {"self", "table"})
    @GenerateNodeFactory
    abstract static class TranslateNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doTranslate(String self, Object table) {
            StringBuilder sb = new StringBuilder();
            self.codePoints().forEach(cp -> {
                Object mapped;
                try {
                    mapped = Subscripts.getItem(table, (long) cp);
                } catch (AioException e) {
                    if (e.getPyType().isSubtypeOf(BuiltinTypes.LOOKUP_ERROR)) {
                        sb.appendCodePoint(cp);
                        return;
                    }
                    throw e;
                }
                if (mapped == PyNone.NONE) {
                    return;
                }
                if (mapped instanceof String s) {
                    sb.append(s);
                } else if (mapped instanceof Long || mapped instanceof Integer || mapped instanceof Boolean) {
                    long v = Args.index(mapped, "character mapping");
                    if (v < 0 || v > 0x10FFFF) {
                        throw PyErrors.valueError("character mapping must be in range(0x110000)");
                    }
                    sb.appendCodePoint((int) v);
                } else {
                    throw PyErrors.typeError("character mapping must return integer, None or str");
                }
            });
            return sb.toString();
        }
    }

    /** {@code str.maketrans(x[, y[, z]])}, a static method in CPython: the table {@code translate} takes. */
    @Builtin(name = "maketrans", classMethod = true, params = {"cls", "x", "y", "z"}, required = 2)
    @GenerateNodeFactory
    abstract static class MakeTransNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doMakeTrans(@SuppressWarnings("unused") Object cls, Object x, Object y, Object z) {
            PyDict table = new PyDict();
            if (!Args.given(y)) {
                if (!(x instanceof PyDict d)) {
                    throw PyErrors.typeError("if you give only one argument to maketrans it must be a dict");
                }
                for (Object key : d.keys()) {
                    if (key instanceof String s) {
                        if (s.codePointCount(0, s.length()) != 1) {
                            throw PyErrors.valueError("string keys in translate table must be of length 1");
                        }
                        table.put((long) s.codePointAt(0), d.get(key));
                    } else if (key instanceof Long) {
                        table.put(key, d.get(key));
                    } else {
                        throw PyErrors.typeError("keys in translate table must be strings or integers");
                    }
                }
                return table;
            }
            if (!(x instanceof String from)) {
                throw PyErrors.typeError("maketrans() argument 1 must be str, not " + PyOps.typeName(x));
            }
            if (!(y instanceof String to)) {
                throw PyErrors.typeError("maketrans() argument 2 must be str, not " + PyOps.typeName(y));
            }
            int[] fromPoints = from.codePoints().toArray();
            int[] toPoints = to.codePoints().toArray();
            if (fromPoints.length != toPoints.length) {
                throw PyErrors.valueError("the first two maketrans arguments must have equal length");
            }
            for (int i = 0; i < fromPoints.length; i++) {
                table.put((long) fromPoints[i], (long) toPoints[i]);
            }
            if (Args.given(z)) {
                if (!(z instanceof String deleted)) {
                    throw PyErrors.typeError("maketrans() argument 3 must be str, not " + PyOps.typeName(z));
                }
                deleted.codePoints().forEach(cp -> table.put((long) cp, PyNone.NONE));
            }
            return table;
        }
    }

    @Builtin(name = "isascii", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsAsciiNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doCheck(String self) {
            return self.chars().allMatch(c -> c < 128);
        }
    }

    /** {@code str.isprintable()}: no character of Unicode's "Other" or "Separator" categories but the space. */
    @Builtin(name = "isprintable", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsPrintableNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doCheck(String self) {
            return self.codePoints().allMatch(cp -> cp == ' ' || switch (Character.getType(cp)) {
                case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED, Character.SPACE_SEPARATOR,
                                Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
                default -> true;
            });
        }
    }

    /** {@code str.istitle()}: uppercase characters only at the start of words, lowercase ones only after a cased one, and at least one cased. */
    @Builtin(name = "istitle", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsTitleNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doCheck(String self) {
            boolean cased = false;
            boolean previousCased = false;
            for (int cp : self.codePoints().toArray()) {
                if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                    if (previousCased) {
                        return false;
                    }
                    previousCased = true;
                    cased = true;
                } else if (Character.isLowerCase(cp)) {
                    if (!previousCased) {
                        return false;
                    }
                    previousCased = true;
                    cased = true;
                } else {
                    previousCased = false;
                }
            }
            return cased;
        }
    }
}
