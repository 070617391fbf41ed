package dev.aio.launcher.daemon;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.aio.launcher.Invocation;

/**
 * What the client hands the daemon: the command's arguments ({@code run ...}), its working
 * directory, its environment, and how the user started it (the aio command's path, whether its
 * standard output is a terminal).
 */
public record RunRequest(List<String> args, String workingDirectory, Map<String, String> environment, Invocation invocation) {

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(Frames.VERSION);
            Frames.writeString(out, workingDirectory);
            out.writeInt(args.size());
            for (String a : args) {
                Frames.writeString(out, a);
            }
            out.writeInt(environment.size());
            for (Map.Entry<String, String> e : environment.entrySet()) {
                Frames.writeString(out, e.getKey());
                Frames.writeString(out, e.getValue());
            }
            Frames.writeString(out, invocation.executable());
            out.writeBoolean(invocation.stdoutTerminal());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** The request in a {@link Frames#RUN} message; IOException for one of another version. */
    public static RunRequest decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        int version = in.readInt();
        if (version != Frames.VERSION) {
            throw new IOException("protocol version " + version + ", expected " + Frames.VERSION);
        }
        String cwd = Frames.readString(in);
        int n = in.readInt();
        List<String> args = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            args.add(Frames.readString(in));
        }
        int m = in.readInt();
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < m; i++) {
            env.put(Frames.readString(in), Frames.readString(in));
        }
        Invocation invocation = new Invocation(Frames.readString(in), in.readBoolean());
        return new RunRequest(args, cwd, env, invocation);
    }
}
