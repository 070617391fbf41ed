package dev.aio.runtime.format;

/** {@code repr(bytes)} exactly as CPython writes it ({@code bytes_repr} in Objects/bytesobject.c). */
public final class BytesRepr {
    private BytesRepr() {
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    public static String repr(byte[] bytes, int length) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (int i = 0; i < length; i++) {
            hasSingle |= bytes[i] == '\'';
            hasDouble |= bytes[i] == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder sb = new StringBuilder(length + 3).append('b').append(quote);
        for (int i = 0; i < length; i++) {
            int c = bytes[i] & 0xff;
            if (c == quote || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c < ' ' || c >= 0x7f) {
                sb.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                sb.append((char) c);
            }
        }
        return sb.append(quote).toString();
    }
}
