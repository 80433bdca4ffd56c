package bgnet.model.checkpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * The tensors of a PyTorch checkpoint, read without Python: a torch>=1.6 zip file as written by
 * {@code torch.save(model.state_dict(), f)}. Keys keep the order they have in the file.
 *
 * <p>Also accepted, because training scripts commonly save them:
 * <ul>
 *   <li>a dict whose {@code 'state_dict'} or {@code 'model'} entry holds the tensors
 *       (e.g. {@code {'epoch': 7, 'state_dict': ..., 'optimizer': ...}}): that inner dict is used
 *       and the other entries are ignored;</li>
 *   <li>keys that all start with {@code "module."} (saved from an nn.DataParallel wrapper): the
 *       prefix is removed from every key. Keys are left alone if only some have it.</li>
 * </ul>
 * Views (storage offsets, strides, storages shared between tensors) are gathered into
 * contiguous arrays; every supported dtype is converted to float32 (see {@link TensorData}).
 * Everything is read and checked in {@link #read}, so a returned StateDict is complete.
 */
public final class StateDict {
    private final Path source;
    private final Map<String, TensorData> tensors;

    private StateDict(Path source, Map<String, TensorData> tensors) {
        this.source = source;
        this.tensors = Collections.unmodifiableMap(tensors);
    }

    /**
     * Reads every tensor of a checkpoint.
     *
     * @throws CheckpointException with a one-line message naming the file and the problem: missing or
     *     unreadable file, not a zip (a legacy pre-1.6 checkpoint is named as such), a zip without
     *     data.pkl, a truncated or corrupt zip or storage, a pickle that holds no dict of tensors,
     *     an unsupported dtype
     */
    public static StateDict read(Path file) throws CheckpointException {
        if (Files.isDirectory(file)) {
            throw new CheckpointException(file, "is a directory, not a checkpoint file");
        }
        if (!Files.exists(file)) {
            throw new CheckpointException(file, "file not found");
        }
        java.util.Optional<String> problem = bgnet.model.io.InputFiles.problem(file, "a checkpoint");
        if (problem.isPresent()) {
            throw new CheckpointException(file, problem.get().equals("cannot read (permission denied)")
                    ? "file is not readable (permission denied)" : problem.get());
        }
        FormatProbe.requireZip(file);
        try (CheckpointArchive archive = CheckpointArchive.open(file)) {
            Object top = TorchUnpickler.load(archive.pickle(), file);
            Map<String, TensorRef> views = StateDictLocator.locate(top, file);
            return new StateDict(file, TensorMaterializer.materialize(views, archive, file));
        } catch (StackOverflowError e) {
            // Only a hostile pickle nests deeply enough to get here; its objects are unreachable now.
            throw new CheckpointException(file, "corrupt or unsupported data.pkl (nested too deeply)", e);
        }
    }

    /** The keys, in file order. */
    public Set<String> keys() {
        return tensors.keySet();
    }

    /** The tensor under {@code key}, or null if there is none. */
    public TensorData get(String key) {
        return tensors.get(key);
    }

    /** All tensors, in file order. */
    public Collection<TensorData> tensors() {
        return tensors.values();
    }

    /** Number of tensors. */
    public int size() {
        return tensors.size();
    }

    /** The file this was read from. */
    public Path source() {
        return source;
    }

    @Override
    public String toString() {
        return "StateDict[" + source + ", " + tensors.size() + " tensors]";
    }
}
