package dev.driftless.api;

import java.io.IOException;
import java.io.Writer;

/**
 * A writer that passes each line through {@link Secrets#mask} before it reaches {@code out}: whatever prints to it
 * (a message, a report, a stack trace) cannot show a password. A partial line is masked when flushed.
 */
public final class MaskingWriter extends Writer {

    private final Writer out;
    private final StringBuilder line = new StringBuilder();

    public MaskingWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            line.append(buffer[i]);
            if (buffer[i] == '\n') {
                emit();
            }
        }
    }

    private void emit() throws IOException {
        out.write(Secrets.mask(line.toString()));
        line.setLength(0);
    }

    @Override
    public void flush() throws IOException {
        emit();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }
}
