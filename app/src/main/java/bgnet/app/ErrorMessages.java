package bgnet.app;

import bgnet.model.checkpoint.CheckpointException;

/** One line for any failure: the user's own errors as they are, anything else with its type. */
final class ErrorMessages {
    private ErrorMessages() {
    }

    static String oneLine(Throwable ex) {
        String msg;
        if (ex instanceof UserError || ex instanceof CheckpointException || ex instanceof java.io.IOException
                || ex instanceof IllegalArgumentException || ex instanceof bgnet.app.calib.CalibrationException
                || ex instanceof bgnet.model.ModelRefusal || ex instanceof bgnet.api.BGNetException) {
            msg = ex.getMessage();
        } else if (ex instanceof OutOfMemoryError) {
            msg = "out of memory (" + ex.getMessage() + "): give the JVM more heap with JAVA_OPTS=-Xmx<size> "
                    + "(now at most " + (Runtime.getRuntime().maxMemory() >> 20) + " MB), or use a smaller input";
        } else if (ex instanceof StackOverflowError) {
            msg = "stack overflow: the input is nested too deeply or too large for the thread stack (JAVA_OPTS=-Xss<size>)";
        } else {
            Throwable root = ex;
            while (root.getCause() != null && root.getMessage() == null) {
                root = root.getCause();
            }
            msg = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        }
        return msg == null ? ex.getClass().getSimpleName()
                : bgnet.model.io.SafeText.escape(withoutTerminalNoise(msg).replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
    }

    /**
     * TornadoVM's exceptions colour their messages (ANSI escapes) and append their own stack trace
     * ("Stacktrace: [...]"): one line keeps the words only.
     */
    static String withoutTerminalNoise(String msg) {
        String plain = msg.replaceAll("\u001B\\[[0-9;]*m", "");
        int trace = plain.indexOf("Stacktrace: [");
        return trace >= 0 ? plain.substring(0, trace) : plain;
    }
}
