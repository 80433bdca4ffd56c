package bgnet.model.checkpoint;

import java.nio.file.Path;

/** Child process for {@link CheckpointMemoryTest}: reads a checkpoint, prints the one-line error and exits 1 on failure. */
public final class ReadCheckpointMain {
    private ReadCheckpointMain() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(StateDict.read(Path.of(args[0])).size() + " tensors");
        } catch (CheckpointException e) {
            System.out.println(e.getMessage());
            System.exit(1);
        }
    }
}
