package bgnet.tornado.cache;

import uk.ac.manchester.tornado.api.WorkerGrid;
import uk.ac.manchester.tornado.api.WorkerGrid1D;
import uk.ac.manchester.tornado.api.WorkerGrid2D;
import uk.ac.manchester.tornado.api.WorkerGrid3D;
import uk.ac.manchester.tornado.api.common.Access;

import java.util.Arrays;
import java.util.List;

/**
 * One task of a cached chain: what launching its kernel without TornadoVM's compiler needs.
 *
 * @param graph      index of its TaskGraph in the chain
 * @param task       its task id in that graph
 * @param entryPoint the kernel's name in its source
 * @param kernel     the source file in the entry (named by its content's SHA-256)
 * @param accesses   how the kernel uses each argument, as TornadoVM's compiler found it
 * @param global     the launch's global work sizes, one per dimension
 * @param local      its work-group sizes, or null where the driver chooses
 * @param args       the {@link ArgShape shapes} of the arguments it was compiled for
 */
record TaskRecord(int graph, String task, String entryPoint, String kernel, List<Access> accesses, long[] global,
                  long[] local, List<String> args) {

    TaskRecord {
        accesses = List.copyOf(accesses);
        args = List.copyOf(args);
        if (global.length < 1 || global.length > 3 || (local != null && local.length != global.length)) {
            throw new IllegalArgumentException("task " + task + ": a grid of 1 to 3 dimensions, got global "
                    + Arrays.toString(global) + ", local " + Arrays.toString(local));
        }
        if (accesses.size() != args.size()) {
            throw new IllegalArgumentException("task " + task + ": " + accesses.size() + " accesses for "
                    + args.size() + " arguments");
        }
    }

    /** The launch geometry as a TornadoVM grid. */
    WorkerGrid grid() {
        WorkerGrid g = switch (global.length) {
            case 1 -> new WorkerGrid1D(Math.toIntExact(global[0]));
            case 2 -> new WorkerGrid2D(Math.toIntExact(global[0]), Math.toIntExact(global[1]));
            default -> new WorkerGrid3D(Math.toIntExact(global[0]), Math.toIntExact(global[1]), Math.toIntExact(global[2]));
        };
        if (local == null) {
            g.setLocalWorkToNull();
        } else {
            g.setLocalWork(local[0], local.length > 1 ? local[1] : 1, local.length > 2 ? local[2] : 1);
        }
        return g;
    }

    /** Same launch as {@code g}: the same global sizes and work-groups. */
    boolean sameGrid(WorkerGrid g) {
        long[] l = g.getLocalWork();
        return Arrays.equals(global, Arrays.copyOf(g.getGlobalWork(), global.length))
                && (local == null ? l == null : l != null && Arrays.equals(local, Arrays.copyOf(l, local.length)));
    }
}
