package bgnet.model;

/** The network produced NaN or infinite disparities: an error, never a result to write. */
public final class NonFiniteOutput extends ModelRefusal {
    private static final long serialVersionUID = 1L;

    public NonFiniteOutput(String message) {
        super(message);
    }
}
