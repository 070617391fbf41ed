package dev.aio;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import com.oracle.truffle.api.TruffleFile;

/** Recognises aio sources by extension: {@code .aio}, and {@code .py} so Python files run unchanged. */
public final class AioFileTypeDetector implements TruffleFile.FileTypeDetector {
    @Override
    public String findMimeType(TruffleFile file) {
        String name = file.getName();
        if (name != null && (name.endsWith(".aio") || name.endsWith(".py"))) {
            return AioLanguage.MIME_TYPE;
        }
        return null;
    }

    @Override
    public Charset findEncoding(TruffleFile file) {
        return StandardCharsets.UTF_8;
    }
}
