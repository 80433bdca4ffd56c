package bgnet.tornado;

import java.util.HashSet;
import java.util.Set;

/**
 * Turns op names ("left.feature_extraction.layer1.0.conv1") into TornadoVM task ids: TornadoVM
 * joins graph and task names with '.', so only letters, digits and '_' are kept; repeats get a suffix.
 */
final class TaskNames {
    private final Set<String> used = new HashSet<>();

    String next(String opName) {
        StringBuilder b = new StringBuilder(opName.length() + 2);
        for (int i = 0; i < opName.length(); i++) {
            char c = opName.charAt(i);
            b.append(c < 128 && Character.isLetterOrDigit(c) ? c : '_');
        }
        if (b.isEmpty() || !Character.isLetter(b.charAt(0))) {
            b.insert(0, 't');
        }
        String base = b.toString();
        String name = base;
        for (int k = 2; !used.add(name); k++) {
            name = base + "_" + k;
        }
        return name;
    }
}
