package bgnet.model.io;

/**
 * Makes text from files (a checkpoint's strings, a path) safe to print in a one-line message: control
 * characters (NUL, escape sequences, line breaks) and other unprintable code points become visible
 * escapes such as {@code \x00} or {@code \u202e}, so they can neither break the line nor drive the terminal.
 */
public final class SafeText {
    private SafeText() {
    }

    public static String escape(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean safe = c == ' ' || (!Character.isISOControl(c) && !Character.isSurrogate(c) && printable(c));
            if (safe && c != '\\') {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (c == '\\') {
                sb.append(c);  // a backslash stays itself: paths on Windows, regular expressions
            } else if (Character.isSurrogate(c) && i + 1 < text.length() && Character.isHighSurrogate(c)
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                sb.append(c).append(text.charAt(++i));  // a well-formed pair: emoji and other astral characters
            } else if (c < 0x100) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb == null ? text : sb.toString();
    }

    // Format characters (bidirectional overrides, zero-width) can disguise what a message says.
    private static boolean printable(char c) {
        int type = Character.getType(c);
        return type != Character.FORMAT && type != Character.UNASSIGNED && type != Character.PRIVATE_USE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }
}
