/**
 * Reads PyTorch checkpoints without Python: {@link bgnet.model.checkpoint.StateDict#read} on a
 * torch&gt;=1.6 zip {@code .pth}.
 *
 * <p>The format: one root folder holding {@code data.pkl} (a pickle, protocol 2), one raw storage
 * per {@code data/<key>} entry, {@code version}, and since torch 2.1 {@code byteorder}. In the
 * pickle each tensor is {@code torch._utils._rebuild_tensor_v2(storage, offset, size, stride, ...)}
 * and each storage a persistent id {@code ('storage', torch.FloatStorage, key, location, numel)}.
 * Unpickling is done by net.razorvine.pickle ({@link bgnet.model.checkpoint.TorchUnpickler});
 * the zip and the storages by java.util.zip.
 *
 * <p>Things about net.razorvine.pickle 1.5 this package works around:
 * <ul>
 *   <li>SETITEMS goes through a HashMap and EMPTY_DICT builds one, so dict order is lost; BUILD
 *       calls {@code __setstate__} by reflection on the exact state class. TorchUnpickler
 *       handles these three opcodes itself.</li>
 *   <li>An unregistered global becomes a ClassDictConstructor whose name is not readable, so the
 *       torch storage classes are registered as {@link bgnet.model.checkpoint.StorageClass} tags.</li>
 *   <li>{@code Unpickler.registerConstructor} fills one static map shared by the whole JVM.</li>
 *   <li>Python ints arrive as Integer, Long or BigInteger, tuples as Object[].</li>
 * </ul>
 */
package bgnet.model.checkpoint;
