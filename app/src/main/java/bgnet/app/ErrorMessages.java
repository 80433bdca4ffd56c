package bgnet.app;

import bgnet.model.checkpoint.CheckpointException;

/** One line for any failure: the user's own errors as they are, anything else with its type. */
final class ErrorMessages {
    private ErrorMessages() {
    }

    static String oneLine(Throwable ex) {
        String msg;
        if (ex instanceof UserError || ex instanceof CheckpointException || ex instanceof java.io.IOException
                || ex instanceof IllegalArgumentException || ex instanceof bgnet.app.calib.CalibrationException) {
            msg = ex.getMessage();
        } else if (ex instanceof OutOfMemoryError) {
            msg = "out of memory: try a smaller input or a larger -Xmx (JAVA_OPTS)";
        } else {
            Throwable root = ex;
            while (root.getCause() != null && root.getMessage() == null) {
                root = root.getCause();
            }
            msg = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        }
        return msg == null ? ex.getClass().getSimpleName() : msg.replace('\n', ' ').strip();
    }
}
