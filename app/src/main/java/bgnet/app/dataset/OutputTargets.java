package bgnet.app.dataset;

import bgnet.app.PathClashes;
import bgnet.app.UserError;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses, before any work, results that would overwrite an input (--output-dir set to image_2/, or
 * --method GT writing disp0GT.pfm) or each other (a.png and a.jpg in the plain form both give a.pfm).
 */
final class OutputTargets {
    private OutputTargets() {
    }

    static void check(List<DatasetPair> pairs, Path outputDir) {
        Set<Path> inputs = new HashSet<>();
        for (DatasetPair p : pairs) {
            for (Path in : new Path[] {p.left(), p.right(), p.groundTruth(), p.nonOccluded()}) {
                if (in != null) {
                    inputs.add(in.toAbsolutePath().normalize());
                }
            }
        }
        Map<Path, String> owners = new HashMap<>();
        for (DatasetPair p : pairs) {
            Path target = outputDir.resolve(p.output());
            // Links and ../ within the pair's own files (where a same-named result lands):
            new PathClashes().input("left image of " + p.name(), p.left()).input("right image of " + p.name(), p.right())
                    .input("ground truth of " + p.name(), p.groundTruth())
                    .input("non-occluded ground truth of " + p.name(), p.nonOccluded())
                    .output("result", target).check();
            Path where = target.toAbsolutePath().normalize();
            if (inputs.contains(where)) {
                throw new UserError("result " + target + " is an input of this run: writing it would destroy the input; "
                        + "choose another --output-dir");
            }
            String other = owners.putIfAbsent(where, p.left().getFileName().toString());
            if (other != null) {
                throw new UserError("result " + target + " would be written for both " + other + " and "
                        + p.left().getFileName() + ": give each pair its own name");
            }
        }
    }
}
