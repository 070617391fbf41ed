package dev.aio.stdlib;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.runtime.PyList;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;

/**
 * The push parser behind aio's {@code pyexpat}: fed bytes a piece at a time, as expat's
 * {@code XML_Parse} is, it checks well-formedness as expat does and turns each whole token into
 * events for {@code pyexpat.xmlparser} to hand to its handlers, each with expat's position and
 * the token's text (for {@code DefaultHandler}). A token cut off at the end of the input waits
 * for the next piece; character data is reported up to the end of the input, split at line
 * breaks and references as expat splits it. Errors carry expat's codes and positions
 * ({@code lib/xmltok.c} and {@code lib/xmlparse.c} of expat 2.5, whose messages
 * {@code pyexpat.errors} lists). With a namespace separator, names are expanded and namespace
 * declarations reported as expat's {@code XML_ParserCreateNS} does. The document type
 * declaration's internal subset is read for its internal general entities; other declarations
 * in it are reported for the Python side to refuse.
 */
final class ExpatTokenizer extends PyObject {
    static final PyType TYPE = new PyType("Tokenizer", "pyexpat").withModuleInMessages();

    static final int NO_ELEMENTS = 3;
    static final int INVALID_TOKEN = 4;
    static final int UNCLOSED_TOKEN = 5;
    static final int PARTIAL_CHAR = 6;
    static final int TAG_MISMATCH = 7;
    static final int DUPLICATE_ATTRIBUTE = 8;
    static final int JUNK_AFTER_DOC_ELEMENT = 9;
    static final int UNDEFINED_ENTITY = 11;
    static final int BAD_CHAR_REF = 14;
    static final int MISPLACED_XML_PI = 17;
    static final int UNKNOWN_ENCODING = 18;
    static final int UNCLOSED_CDATA_SECTION = 20;
    static final int UNBOUND_PREFIX = 27;
    static final int UNDECLARING_PREFIX = 28;
    static final int XML_DECL = 30;
    static final int FINISHED = 36;
    static final int RESERVED_PREFIX_XML = 38;
    static final int RESERVED_PREFIX_XMLNS = 39;

    private static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
    private static final Map<String, String> PREDEFINED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'");

    private enum State {
        PROLOG,
        CONTENT,
        EPILOG
    }

    /** The end of the input cut a token off: wait for more. */
    private static final class NeedMore extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final NeedMore INSTANCE = new NeedMore();

        private NeedMore() {
            super(null, null, false, false);
        }
    }

    /** A well-formedness error: expat's code, at expat's position. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;
        final long[] position;

        Failure(int code, long[] position) {
            super(null, null, false, false);
            this.code = code;
            this.position = position;
        }
    }

    private final ExpatInput in = new ExpatInput();
    private final String separator;
    private State state = State.PROLOG;
    private boolean sawDoctype;
    private final List<String> openTags = new ArrayList<>();
    private final Map<String, String> entities = new HashMap<>();
    /** Namespace bindings in scope (prefix, "" for the default) and, per open element, the ones it made as (prefix, previous uri) pairs. */
    private final Map<String, String> namespaces = new HashMap<>();
    private final List<List<String[]>> bindings = new ArrayList<>();
    private boolean finished;
    private Failure failure;
    private boolean namespacePrefixes;
    private boolean atDocumentStart = true;
    /** An encoding this tokenizer cannot decode, named by {@code ParserCreate} or the XML declaration. */
    private String unknownEncoding;
    /** The events of the token being read, kept until the whole token has been read. */
    private List<Object> tokenEvents = new ArrayList<>();

    ExpatTokenizer(String separator) {
        this.separator = separator;
        namespaces.put("xml", XML_NAMESPACE);
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    /** {@code ParserCreate(encoding)}: an encoding unknown here fails at the first {@code Parse}, as in CPython. */
    void fixEncoding(String name) {
        if (!in.fixEncoding(name)) {
            unknownEncoding = name;
        }
    }

    /** Where the input not consumed yet starts: line, column, byte index. */
    long[] position() {
        return in.positionOf(in.start());
    }

    /**
     * Feeds one piece of the document and returns the events it completes; an error ends the list
     * as an {@code ("error", line, column, byte index, "", code)} event, or as
     * {@code ("unknownencoding", ..., name)} for an encoding this tokenizer cannot decode (CPython's
     * codec lookup fails there). A str piece ({@code text})
     * makes the document UTF-8, as CPython's {@code Parse} does.
     */
    @TruffleBoundary
    PyList feed(byte[] data, boolean isFinal, boolean text, boolean prefixes) {
        namespacePrefixes = prefixes;
        List<Object> events = new ArrayList<>();
        try {
            if (failure != null) {
                throw failure;
            }
            if (finished) {
                throw new Failure(FINISHED, in.positionOf(in.start()));
            }
            if (unknownEncoding != null) {
                throw new Failure(UNKNOWN_ENCODING, in.positionOf(in.start()));
            }
            if (text && !in.hasStarted()) {
                in.fixEncoding("utf-8");
            }
            in.append(data);
            while (in.start() < in.end()) {
                int tokenStart = in.start();
                tokenEvents = new ArrayList<>();
                try {
                    step(tokenStart, isFinal);
                } catch (NeedMore e) {
                    if (in.invalidAhead()) {
                        throw new Failure(INVALID_TOKEN, in.positionOf(in.end()));
                    }
                    if (isFinal) {
                        throw new Failure(unclosedCode(tokenStart), in.positionOf(tokenStart));
                    }
                    break;
                }
                events.addAll(tokenEvents);
                atDocumentStart = false;
            }
            if (in.invalidAhead() && in.start() == in.end()) {
                throw new Failure(INVALID_TOKEN, in.positionOf(in.end()));
            }
            if (isFinal) {
                if (in.hasPartialCharacter()) {
                    throw new Failure(PARTIAL_CHAR, in.positionOf(in.end()));
                }
                if (state != State.EPILOG) {
                    throw new Failure(NO_ELEMENTS, in.positionOf(in.end()));
                }
                finished = true;
            }
        } catch (Failure f) {
            failure = f;
            if (f.code == UNKNOWN_ENCODING) {
                events.add(event("unknownencoding", f.position, "", unknownEncoding));
            } else {
                events.add(event("error", f.position, "", (long) f.code));
            }
        }
        return new PyList(events);
    }

    private int unclosedCode(int tokenStart) {
        return startsWith(tokenStart, "<![CDATA[") ? UNCLOSED_CDATA_SECTION : UNCLOSED_TOKEN;
    }

    private boolean startsWith(int i, String s) {
        if (i + s.length() > in.end()) {
            return false;
        }
        return in.substring(i, i + s.length()).equals(s);
    }

    private char at(int i) {
        if (i < in.end()) {
            return in.charAt(i);
        }
        throw NeedMore.INSTANCE;
    }

    private Failure fail(int code, int i) {
        return new Failure(code, in.positionOf(i));
    }

    /** An event: its kind, expat's position, the text for {@code DefaultHandler} (a str, or a tuple of a declaration's pieces), its values. */
    private PyTuple event(String kind, long[] position, Object raw, Object... args) {
        Object[] items = new Object[5 + args.length];
        items[0] = kind;
        items[1] = position[0];
        items[2] = position[1];
        items[3] = position[2];
        items[4] = raw;
        System.arraycopy(args, 0, items, 5, args.length);
        return new PyTuple(items);
    }

    private void emit(String kind, int at, int rawEnd, Object... args) {
        tokenEvents.add(event(kind, in.positionOf(at), normalized(in.substring(at, rawEnd)), args));
    }

    private static Object noneIfNull(Object o) {
        return o == null ? PyNone.NONE : o;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':' || c >= 0x80 && !Character.isWhitespace(c);
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || c >= '0' && c <= '9' || c == '-' || c == '.';
    }

    /** XML's Char production: what a character reference may name. */
    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
    }

    /** A character that may not appear in a document at all (XML's Char production, for one UTF-16 unit). */
    private static boolean isForbidden(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF;
    }

    /** {@code at(i)}, refusing a character XML forbids, as expat's tokenizer does. */
    private char allowed(int i) {
        char c = at(i);
        if (isForbidden(c)) {
            throw fail(INVALID_TOKEN, i);
        }
        return c;
    }

    /** CR LF and a lone CR read as LF, as expat normalizes line breaks. */
    private static String normalized(String s) {
        return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The index just after the name starting at {@code i}. */
    private int scanName(int i) {
        if (!isNameStart(at(i))) {
            throw fail(INVALID_TOKEN, i);
        }
        int j = i + 1;
        while (isNameChar(at(j))) {
            j++;
        }
        return j;
    }

    private int skipSpace(int i) {
        int j = i;
        while (isSpace(at(j))) {
            j++;
        }
        return j;
    }

    private void step(int p, boolean isFinal) {
        char c = in.charAt(p);
        if (state == State.CONTENT) {
            if (c == '<') {
                contentMarkup(p);
            } else if (c == '&') {
                int end = reference(p, null);
                in.consumeTo(end);
            } else {
                characterData(p, isFinal);
            }
            return;
        }
        if (isSpace(c)) {
            int j = p;
            while (j < in.end() && isSpace(in.charAt(j))) {
                j++;
            }
            emit("default", p, j);
            in.consumeTo(j);
            return;
        }
        if (c != '<') {
            if (isForbidden(c)) {
                throw fail(INVALID_TOKEN, p);
            }
            if (state == State.EPILOG) {
                throw fail(JUNK_AFTER_DOC_ELEMENT, p);
            }
            int j = p;
            while (j < in.end() && isNameChar(in.charAt(j))) {
                j++;
            }
            throw fail(INVALID_TOKEN, j);
        }
        char next = at(p + 1);
        if (next == '?') {
            processingInstruction(p);
        } else if (next == '!' && at(p + 2) == '-') {
            comment(p);
        } else if (next == '!' && state == State.PROLOG && !sawDoctype && at(p + 2) == 'D') {
            doctype(p);
        } else if (isNameStart(next) && state == State.PROLOG) {
            startTag(p);
        } else if (state == State.EPILOG) {
            throw fail(JUNK_AFTER_DOC_ELEMENT, p);
        } else {
            throw fail(INVALID_TOKEN, p + 1);
        }
    }

    private void contentMarkup(int p) {
        char next = at(p + 1);
        if (next == '/') {
            endTag(p);
        } else if (next == '?') {
            processingInstruction(p);
        } else if (next == '!') {
            if (at(p + 2) == '-') {
                comment(p);
            } else if (at(p + 2) == '[') {
                cdataSection(p);
            } else {
                throw fail(INVALID_TOKEN, p + 2);
            }
        } else if (isNameStart(next)) {
            startTag(p);
        } else {
            throw fail(INVALID_TOKEN, p + 1);
        }
    }

    /** Text up to markup, a reference, a line break or the end of the input; a line break alone. */
    private void characterData(int p, boolean isFinal) {
        char c = in.charAt(p);
        if (c == '\n' || c == '\r') {
            int end = p + 1;
            if (c == '\r') {
                if (p + 1 >= in.end() && !isFinal) {
                    throw NeedMore.INSTANCE;
                }
                if (p + 1 < in.end() && in.charAt(p + 1) == '\n') {
                    end++;
                }
            }
            emit("data", p, end, "\n");
            in.consumeTo(end);
            return;
        }
        int j = p;
        while (j < in.end()) {
            char d = in.charAt(j);
            if (d == '<' || d == '&' || d == '\n' || d == '\r') {
                break;
            }
            if (isForbidden(d)) {
                if (j == p) {
                    throw fail(INVALID_TOKEN, j);
                }
                break;
            }
            if (d == '>' && j >= p + 2 && in.charAt(j - 1) == ']' && in.charAt(j - 2) == ']') {
                throw fail(INVALID_TOKEN, j);
            }
            j++;
        }
        String data = in.substring(p, j);
        emit("data", p, j, data);
        in.consumeTo(j);
    }

    /**
     * A character or entity reference at {@code p}: appended to {@code value} in an attribute
     * value, else reported as character data. Returns the index after its {@code ;}.
     */
    private int reference(int p, StringBuilder value) {
        String replacement;
        String kind = "data";
        int end;
        if (at(p + 1) == '#') {
            int i = p + 2;
            int radix = 10;
            if (at(i) == 'x') {
                radix = 16;
                i++;
            }
            int digitsStart = i;
            long code = 0;
            while (at(i) != ';') {
                int digit = Character.digit(at(i), radix);
                if (digit < 0) {
                    throw fail(INVALID_TOKEN, i);
                }
                code = Math.min(code * radix + digit, 0x110000);
                i++;
            }
            if (i == digitsStart) {
                throw fail(INVALID_TOKEN, i);
            }
            if (!isXmlChar((int) code)) {
                throw fail(BAD_CHAR_REF, p);
            }
            replacement = new String(Character.toChars((int) code));
            end = i + 1;
        } else {
            int nameEnd;
            if (!isNameStart(at(p + 1))) {
                throw fail(INVALID_TOKEN, p + 1);
            }
            nameEnd = scanName(p + 1);
            if (at(nameEnd) != ';') {
                throw fail(INVALID_TOKEN, nameEnd);
            }
            String name = in.substring(p + 1, nameEnd);
            replacement = PREDEFINED.get(name);
            if (replacement == null) {
                replacement = entities.get(name);
                kind = "entityref";
            }
            if (replacement == null) {
                throw fail(UNDEFINED_ENTITY, p);
            }
            end = nameEnd + 1;
        }
        if (value != null) {
            value.append(replacement);
        } else {
            emit(kind, p, end, replacement);
        }
        return end;
    }

    private void startTag(int p) {
        int i = scanName(p + 1);
        String qname = in.substring(p + 1, i);
        List<String> attributes = new ArrayList<>();
        List<Integer> attributeStarts = new ArrayList<>();
        boolean empty;
        while (true) {
            boolean spaced = false;
            char c = at(i);
            while (isSpace(c)) {
                spaced = true;
                c = at(++i);
            }
            if (c == '>') {
                i++;
                empty = false;
                break;
            }
            if (c == '/') {
                if (at(i + 1) != '>') {
                    throw fail(INVALID_TOKEN, i + 1);
                }
                i += 2;
                empty = true;
                break;
            }
            if (!spaced || !isNameStart(c)) {
                throw fail(INVALID_TOKEN, i);
            }
            int nameStart = i;
            i = scanName(i);
            String name = in.substring(nameStart, i);
            i = skipSpace(i);
            if (at(i) != '=') {
                throw fail(INVALID_TOKEN, i);
            }
            i = skipSpace(i + 1);
            char quote = at(i);
            if (quote != '"' && quote != '\'') {
                throw fail(INVALID_TOKEN, i);
            }
            StringBuilder value = new StringBuilder();
            i = attributeValue(i + 1, quote, value);
            for (int k = 0; k < attributes.size(); k += 2) {
                if (attributes.get(k).equals(name)) {
                    throw fail(DUPLICATE_ATTRIBUTE, nameStart);
                }
            }
            attributes.add(name);
            attributes.add(value.toString());
            attributeStarts.add(nameStart);
        }
        String name = qname;
        List<String[]> declared = List.of();
        if (separator != null) {
            declared = declareNamespaces(p, attributes, attributeStarts);
            name = expand(qname, true, p);
            for (int k = 0; k < attributes.size(); k += 2) {
                attributes.set(k, expand(attributes.get(k), false, p));
            }
            for (int k = 0; k < attributes.size(); k += 2) {
                for (int m = 0; m < k; m += 2) {
                    if (attributes.get(m).equals(attributes.get(k))) {
                        throw fail(DUPLICATE_ATTRIBUTE, attributeStarts.get(k / 2));
                    }
                }
            }
        }
        long[] start = in.positionOf(p);
        emit("start", p, i, name, new PyList(new ArrayList<>(attributes)));
        in.consumeTo(i);
        if (empty) {
            tokenEvents.add(event("end", in.positionOf(i), "", name, PyTuple.of(start[0], start[1], start[2])));
            endNamespaces(i, declared);
            if (openTags.isEmpty()) {
                state = State.EPILOG;
            }
        } else {
            openTags.add(qname);
            bindings.add(declared);
            state = State.CONTENT;
        }
    }

    /** The value of an attribute from {@code i} to its closing quote; returns the index after the quote. */
    private int attributeValue(int from, char quote, StringBuilder value) {
        int i = from;
        while (true) {
            char c = allowed(i);
            if (c == quote) {
                return i + 1;
            }
            if (c == '<') {
                throw fail(INVALID_TOKEN, i);
            }
            if (c == '&') {
                i = reference(i, value);
                continue;
            }
            if (c == '\r') {
                if (at(i + 1) == '\n') {
                    i++;
                }
                value.append(' ');
            } else {
                value.append(c == '\n' || c == '\t' ? ' ' : c);
            }
            i++;
        }
    }

    /** Takes the {@code xmlns} attributes out of the list as declarations in scope of this element; returns them. */
    private List<String[]> declareNamespaces(int p, List<String> attributes, List<Integer> attributeStarts) {
        List<String[]> declared = new ArrayList<>();
        int k = 0;
        while (k < attributes.size()) {
            String attribute = attributes.get(k);
            String prefix;
            if (attribute.equals("xmlns")) {
                prefix = "";
            } else if (attribute.startsWith("xmlns:")) {
                prefix = attribute.substring(6);
            } else {
                k += 2;
                continue;
            }
            String uri = attributes.get(k + 1);
            int at = attributeStarts.get(k / 2);
            if (prefix.equals("xmlns")) {
                throw fail(RESERVED_PREFIX_XMLNS, at);
            }
            if (prefix.equals("xml") != uri.equals(XML_NAMESPACE)) {
                throw fail(RESERVED_PREFIX_XML, at);
            }
            if (uri.isEmpty() && !prefix.isEmpty()) {
                throw fail(UNDECLARING_PREFIX, at);
            }
            declared.add(new String[]{prefix, namespaces.get(prefix)});
            if (uri.isEmpty()) {
                namespaces.remove(prefix);
            } else {
                namespaces.put(prefix, uri);
            }
            emit("startns", p, p, prefix.isEmpty() ? PyNone.NONE : prefix, uri.isEmpty() ? PyNone.NONE : uri);
            attributes.remove(k);
            attributes.remove(k);
            attributeStarts.remove(k / 2);
        }
        return declared;
    }

    /** A name as expat reports it with a namespace separator: {@code uri SEP local [SEP prefix]}. */
    private String expand(String qname, boolean element, int p) {
        int colon = qname.indexOf(':');
        String prefix = colon < 0 ? "" : qname.substring(0, colon);
        if (colon < 0 && !element) {
            return qname;
        }
        String uri = namespaces.get(prefix);
        if (uri == null) {
            if (colon < 0) {
                return qname;
            }
            throw fail(UNBOUND_PREFIX, p);
        }
        String local = qname.substring(colon + 1);
        return uri + separator + local + (namespacePrefixes && colon >= 0 ? separator + prefix : "");
    }

    private void endTag(int p) {
        int nameEnd = scanName(p + 2);
        String qname = in.substring(p + 2, nameEnd);
        int i = skipSpace(nameEnd);
        if (at(i) != '>') {
            throw fail(INVALID_TOKEN, i);
        }
        if (!qname.equals(openTags.get(openTags.size() - 1))) {
            throw fail(TAG_MISMATCH, p + 2);
        }
        openTags.remove(openTags.size() - 1);
        List<String[]> declared = bindings.remove(bindings.size() - 1);
        endElement(p, i + 1, separator == null ? qname : expand(qname, true, p), declared);
        in.consumeTo(i + 1);
        if (openTags.isEmpty()) {
            state = State.EPILOG;
        }
    }

    private void endElement(int p, int rawEnd, String name, List<String[]> declared) {
        emit("end", p, rawEnd, name);
        endNamespaces(p, declared);
    }

    /** expat reports the end of a declaration's scope where it reports the end of the element. */
    private void endNamespaces(int p, List<String[]> declared) {
        for (int k = declared.size() - 1; k >= 0; k--) {
            String[] binding = declared.get(k);
            if (binding[1] == null) {
                namespaces.remove(binding[0]);
            } else {
                namespaces.put(binding[0], binding[1]);
            }
            emit("endns", p, p, binding[0].isEmpty() ? PyNone.NONE : binding[0]);
        }
    }

    private void comment(int p) {
        if (at(p + 2) != '-' || at(p + 3) != '-') {
            throw fail(INVALID_TOKEN, p + 3);
        }
        int i = p + 4;
        while (true) {
            if (allowed(i) == '-' && at(i + 1) == '-') {
                if (at(i + 2) != '>') {
                    throw fail(INVALID_TOKEN, i + 2);
                }
                break;
            }
            i++;
        }
        emit("comment", p, i + 3, normalized(in.substring(p + 4, i)));
        in.consumeTo(i + 3);
    }

    private void processingInstruction(int p) {
        int targetEnd = scanName(p + 2);
        String target = in.substring(p + 2, targetEnd);
        int i = targetEnd;
        int dataStart = i;
        if (!(at(i) == '?' && at(i + 1) == '>')) {
            if (!isSpace(at(i))) {
                throw fail(INVALID_TOKEN, i);
            }
            i = skipSpace(i);
            dataStart = i;
            while (!(allowed(i) == '?' && at(i + 1) == '>')) {
                i++;
            }
        }
        String data = normalized(in.substring(dataStart, i));
        if (target.equalsIgnoreCase("xml")) {
            if (!target.equals("xml") || !atDocumentStart) {
                throw fail(MISPLACED_XML_PI, p);
            }
            xmlDeclaration(p, dataStart, i + 2, data);
            return;
        }
        emit("pi", p, i + 2, target, data);
        in.consumeTo(i + 2);
    }

    /** {@code <?xml version="1.0" encoding="..." standalone="..."?>}: its pseudo-attributes, in this order. */
    private void xmlDeclaration(int p, int dataStart, int end, String data) {
        Map<String, String> values = new HashMap<>();
        String[] names = {"version", "encoding", "standalone"};
        int next = 0;
        int i = 0;
        while (i < data.length()) {
            int eq = data.indexOf('=', i);
            if (eq < 0) {
                throw fail(XML_DECL, dataStart + i);
            }
            String name = data.substring(i, eq).strip();
            int q = eq + 1;
            while (q < data.length() && isSpace(data.charAt(q))) {
                q++;
            }
            if (q >= data.length() || data.charAt(q) != '"' && data.charAt(q) != '\'') {
                throw fail(XML_DECL, dataStart + i);
            }
            int close = data.indexOf(data.charAt(q), q + 1);
            while (next < names.length && !names[next].equals(name)) {
                next++;
            }
            if (close < 0 || next == names.length) {
                throw fail(XML_DECL, dataStart + i);
            }
            values.put(name, data.substring(q + 1, close));
            i = close + 1;
            while (i < data.length() && isSpace(data.charAt(i))) {
                i++;
            }
        }
        String standalone = values.get("standalone");
        if (!values.containsKey("version") || standalone != null && !standalone.equals("yes") && !standalone.equals("no")) {
            throw fail(XML_DECL, dataStart);
        }
        String encoding = values.get("encoding");
        emit("xmldecl", p, end, values.get("version"), noneIfNull(encoding), standalone == null ? -1L : standalone.equals("yes") ? 1L : 0L);
        in.consumeTo(end);
        if (encoding != null && !in.declareEncoding(encoding)) {
            unknownEncoding = encoding;
            throw fail(UNKNOWN_ENCODING, p);
        }
    }

    private void cdataSection(int p) {
        if (!startsWith(p, "<![CDATA[")) {
            at(p + 8); // too short yet to tell
            throw fail(INVALID_TOKEN, p + 2);
        }
        int contentStart = p + 9;
        int i = contentStart;
        while (!(allowed(i) == ']' && at(i + 1) == ']' && at(i + 2) == '>')) {
            i++;
        }
        emit("startcdata", p, contentStart);
        int j = contentStart;
        while (j < i) {
            char c = in.charAt(j);
            int k = j + 1;
            if (c == '\r' || c == '\n') {
                if (c == '\r' && k < i && in.charAt(k) == '\n') {
                    k++;
                }
                emit("data", j, k, "\n");
            } else {
                while (k < i && in.charAt(k) != '\r' && in.charAt(k) != '\n') {
                    k++;
                }
                emit("data", j, k, in.substring(j, k));
            }
            j = k;
        }
        emit("endcdata", i, i + 3);
        in.consumeTo(i + 3);
    }

    /** {@code <!DOCTYPE name [SYSTEM "s" | PUBLIC "p" "s"] [[internal subset]]>}. */
    private void doctype(int p) {
        if (!startsWith(p, "<!DOCTYPE")) {
            at(p + 8); // too short yet to tell
            throw fail(INVALID_TOKEN, p + 2);
        }
        int i = p + 9;
        if (!isSpace(at(i))) {
            throw fail(INVALID_TOKEN, i);
        }
        i = skipSpace(i);
        int nameStart = i;
        i = scanName(i);
        String name = in.substring(nameStart, i);
        i = skipSpace(i);
        String[] ids = {null, null};
        i = externalId(i, ids);
        i = skipSpace(i);
        List<Object> subsetEvents = new ArrayList<>();
        boolean hasSubset = at(i) == '[';
        int startAt = i;
        int subsetEnd = i;
        if (hasSubset) {
            List<Object> outer = tokenEvents;
            tokenEvents = subsetEvents;
            subsetEnd = internalSubset(i + 1);
            tokenEvents = outer;
            i = skipSpace(subsetEnd + 1);
        }
        if (at(i) != '>') {
            throw fail(INVALID_TOKEN, i);
        }
        tokenEvents.add(event("doctype", in.positionOf(startAt), declarationPieces(in.substring(p, hasSubset ? startAt + 1 : startAt)), name,
                        noneIfNull(ids[0]), noneIfNull(ids[1]), hasSubset ? 1L : 0L));
        tokenEvents.addAll(subsetEvents);
        tokenEvents.add(event("enddoctype", in.positionOf(i), declarationPieces(in.substring(subsetEnd, i + 1))));
        sawDoctype = true;
        in.consumeTo(i + 1);
    }

    /**
     * The text of a declaration as the pieces expat hands {@code DefaultHandler} one at a time:
     * {@code <!KEYWORD}, runs of white space, names, quoted literals, and single characters.
     */
    private static PyTuple declarationPieces(String raw) {
        String text = normalized(raw);
        List<Object> pieces = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int j = i + 1;
            if (c == '<' && j < text.length() && text.charAt(j) == '!') {
                j++;
                while (j < text.length() && isNameChar(text.charAt(j))) {
                    j++;
                }
            } else if (c == '"' || c == '\'') {
                int close = text.indexOf(c, j);
                j = close < 0 ? text.length() : close + 1;
            } else if (isSpace(c)) {
                while (j < text.length() && isSpace(text.charAt(j))) {
                    j++;
                }
            } else if (isNameChar(c) || c == '#' || c == '%') {
                while (j < text.length() && isNameChar(text.charAt(j))) {
                    j++;
                }
            }
            pieces.add(text.substring(i, j));
            i = j;
        }
        return new PyTuple(pieces.toArray());
    }

    /** An optional {@code SYSTEM "s"} or {@code PUBLIC "p" "s"} into {@code ids} (system, public); returns the index after it. */
    private int externalId(int from, String[] ids) {
        int i = from;
        boolean system = startsWithKeyword(i, "SYSTEM");
        boolean pub = !system && startsWithKeyword(i, "PUBLIC");
        if (!system && !pub) {
            return i;
        }
        i = skipSpace(i + 6);
        int end = literal(i);
        String first = in.substring(i + 1, end - 1);
        if (system) {
            ids[0] = first;
            return end;
        }
        ids[1] = first;
        int j = skipSpace(end);
        if (at(j) == '"' || at(j) == '\'') {
            int systemEnd = literal(j);
            ids[0] = in.substring(j + 1, systemEnd - 1);
            return systemEnd;
        }
        return end;
    }

    private boolean startsWithKeyword(int i, String keyword) {
        for (int k = 0; k < keyword.length(); k++) {
            if (at(i + k) != keyword.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** A quoted literal at {@code i}; returns the index after its closing quote. */
    private int literal(int i) {
        char quote = at(i);
        if (quote != '"' && quote != '\'') {
            throw fail(INVALID_TOKEN, i);
        }
        int j = i + 1;
        while (at(j) != quote) {
            j++;
        }
        return j + 1;
    }

    /** The declarations between {@code [} and {@code ]}; returns the index of the {@code ]}. */
    private int internalSubset(int from) {
        int i = from;
        while (true) {
            int spaceStart = i;
            i = skipSpace(i);
            if (i > spaceStart) {
                emit("default", spaceStart, i);
            }
            char c = at(i);
            if (c == ']') {
                return i;
            }
            if (startsWith(i, "<!--")) {
                int end = i + 4;
                while (!(at(end) == '-' && at(end + 1) == '-' && at(end + 2) == '>')) {
                    end++;
                }
                emit("comment", i, end + 3, normalized(in.substring(i + 4, end)));
                i = end + 3;
            } else if (c == '<' && at(i + 1) == '?') {
                int end = i + 2;
                while (!(at(end) == '?' && at(end + 1) == '>')) {
                    end++;
                }
                int targetEnd = scanName(i + 2);
                emit("pi", i, end + 2, in.substring(i + 2, targetEnd), normalized(in.substring(skipSpace(targetEnd), end)));
                i = end + 2;
            } else if (startsWithKeyword(i, "<!ENTITY")) {
                i = entityDeclaration(i);
            } else if (c == '<' && at(i + 1) == '!') {
                int end = declarationEnd(i + 2);
                int kindEnd = scanName(i + 2);
                emit("declaration", i, end, in.substring(i + 2, kindEnd));
                i = end;
            } else {
                throw fail(INVALID_TOKEN, i);
            }
        }
    }

    /** The index after the {@code >} closing a declaration, skipping quoted literals. */
    private int declarationEnd(int from) {
        int i = from;
        while (at(i) != '>') {
            i = at(i) == '"' || at(i) == '\'' ? literal(i) : i + 1;
        }
        return i + 1;
    }

    /** {@code <!ENTITY [%] name "value">} or with an external identifier; internal general entities are kept for references. */
    private int entityDeclaration(int p) {
        int i = skipSpace(p + 8);
        boolean parameter = at(i) == '%';
        if (parameter) {
            i = skipSpace(i + 1);
        }
        int nameStart = i;
        i = scanName(i);
        String name = in.substring(nameStart, i);
        i = skipSpace(i);
        String value = null;
        String[] ids = {null, null};
        String notation = null;
        if (at(i) == '"' || at(i) == '\'') {
            int end = literal(i);
            StringBuilder replacement = new StringBuilder();
            for (int k = i + 1; k < end - 1; k++) {
                if (in.charAt(k) == '&' && in.charAt(k + 1) == '#') {
                    k = reference(k, replacement) - 1;
                } else {
                    replacement.append(in.charAt(k));
                }
            }
            value = normalized(replacement.toString());
            i = end;
        } else {
            i = externalId(i, ids);
            int j = skipSpace(i);
            if (startsWithKeyword(j, "NDATA")) {
                int notationStart = skipSpace(j + 5);
                i = scanName(notationStart);
                notation = in.substring(notationStart, i);
            }
        }
        i = skipSpace(i);
        if (at(i) != '>') {
            throw fail(INVALID_TOKEN, i);
        }
        if (!parameter && value != null && !entities.containsKey(name)) {
            if (value.indexOf('<') >= 0 || value.indexOf('&') >= 0) {
                emit("declaration", p, i + 1, "ENTITY");
                return i + 1;
            }
            entities.put(name, value);
        }
        tokenEvents.add(event("entitydecl", in.positionOf(p), declarationPieces(in.substring(p, i + 1)), name, parameter ? 1L : 0L, noneIfNull(value), PyNone.NONE, noneIfNull(ids[0]), noneIfNull(ids[1]), noneIfNull(notation)));
        return i + 1;
    }
}
