package bgnet.kernels.device;

/**
 * The staging kernel's int parameters, as {@link StagedLayout#params} lays them out and the device task
 * ({@code bgnet.tornado.device.DeviceConvTasks#stage}) reads them. Staging: input NC(D)HW at an offset →
 * the zero-bordered, stride-phase layout of {@link StagedLayout}. One staged row per work-item: its leading zero, the input row's elements of that column phase (contiguous
 * for stride 1, every other one for stride 2) and zeros to the end; rows of zero planes, zero rows and
 * the tail are all zeros. Every staged element is written exactly once, so no clearing pass is needed.
 * The row decode (a few divisions) is paid once per row, not per element.
 */
public final class StageParams {
    public static final int IN_OFF = 0;
    public static final int CHANNELS = 1;
    public static final int DEPTH = 2;
    public static final int HEIGHT = 3;
    public static final int WIDTH = 4;
    public static final int STRIDE = 5;
    public static final int ZERO_PLANES = 6;
    public static final int PHASE_HEIGHT = 7;
    public static final int ROW_STRIDE = 8;
    public static final int ROWS_PER_PHASE = 9;
    public static final int ROWS = 10;
    public static final int LENGTH = 11;

    private StageParams() {
    }
}
