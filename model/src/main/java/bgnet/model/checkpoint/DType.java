package bgnet.model.checkpoint;

import java.nio.ByteBuffer;
import java.util.Optional;

/** Element types of PyTorch storages, named by the storage class the pickle refers to. */
enum DType {
    FLOAT32("float32", "FloatStorage", 4),
    FLOAT64("float64", "DoubleStorage", 8),
    FLOAT16("float16", "HalfStorage", 2),
    BFLOAT16("bfloat16", "BFloat16Storage", 2),
    INT64("int64", "LongStorage", 8),
    INT32("int32", "IntStorage", 4),
    INT16("int16", "ShortStorage", 2),
    INT8("int8", "CharStorage", 1),
    UINT8("uint8", "ByteStorage", 1),
    BOOL("bool", "BoolStorage", 1),
    // Known so that the error can name them; there is no meaningful float32 for these.
    COMPLEX32("complex32", "ComplexHalfStorage", 4),
    COMPLEX64("complex64", "ComplexFloatStorage", 8),
    COMPLEX128("complex128", "ComplexDoubleStorage", 16),
    QINT8("qint8", "QInt8Storage", 1),
    QUINT8("quint8", "QUInt8Storage", 1),
    QINT32("qint32", "QInt32Storage", 4),
    QUINT4X2("quint4x2", "QUInt4x2Storage", 1),
    QUINT2X4("quint2x4", "QUInt2x4Storage", 1);

    final String torchName;
    final String storageClass;
    final int elementSize;

    DType(String torchName, String storageClass, int elementSize) {
        this.torchName = torchName;
        this.storageClass = storageClass;
        this.elementSize = elementSize;
    }

    static Optional<DType> ofStorageClass(String name) {
        for (DType t : values()) {
            if (t.storageClass.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Whether {@link #read} can turn elements of this type into float32: the constants up to BOOL. */
    boolean convertible() {
        return ordinal() <= BOOL.ordinal();
    }

    /** Element {@code index} of a storage whose byte order is already set on {@code b}. */
    float read(ByteBuffer b, int index) {
        int at = index * elementSize;
        return switch (this) {
            case FLOAT32 -> b.getFloat(at);
            case FLOAT64 -> (float) b.getDouble(at);
            case FLOAT16 -> Float.float16ToFloat(b.getShort(at));
            // bfloat16 is the upper half of a float32
            case BFLOAT16 -> Float.intBitsToFloat((b.getShort(at) & 0xffff) << 16);
            case INT64 -> (float) b.getLong(at);
            case INT32 -> (float) b.getInt(at);
            case INT16 -> b.getShort(at);
            case INT8 -> b.get(at);
            case UINT8 -> b.get(at) & 0xff;
            case BOOL -> b.get(at) != 0 ? 1f : 0f;
            default -> throw new IllegalStateException("no float conversion for " + torchName);
        };
    }
}
