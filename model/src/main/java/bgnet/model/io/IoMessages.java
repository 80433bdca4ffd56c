package bgnet.model.io;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Turns an exception into a short reason for a one-line message (JDK messages are often just a path). */
final class IoMessages {
    private IoMessages() {
    }

    static String reason(Throwable e) {
        String text = switch (e) {
            case AccessDeniedException _ -> "permission denied";
            case NoSuchFileException _ -> "no such file or folder";
            case FileSystemException f when f.getReason() != null -> f.getReason();
            default -> e.getMessage() != null && !e.getMessage().isBlank()
                    ? e.getMessage() : e.getClass().getSimpleName();
        };
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
