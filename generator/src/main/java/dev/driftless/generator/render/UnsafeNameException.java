package dev.driftless.generator.render;

/** An identifier no changelog may carry: it holds a control character (see {@link UnsafeText}). */
public final class UnsafeNameException extends IllegalArgumentException {

    private final String name;

    public UnsafeNameException(String name) {
        super("the name \"" + UnsafeText.printable(name) + "\" holds a control character ("
                + UnsafeText.firstUnsafe(name) + ")");
        this.name = name;
    }

    /** The name as it is, control characters included. */
    public String name() {
        return name;
    }
}
