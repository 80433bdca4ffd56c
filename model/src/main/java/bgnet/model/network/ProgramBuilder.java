package bgnet.model.network;

import bgnet.kernels.Activation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Plans BGNet / BGNet+'s forward pass for one input size (bgnet-spec.md, step by step): typed ops
 * over tensors that are described here and allocated by each backend.
 */
public final class ProgramBuilder {
    /** Disparities of the cost volume at 1/8 resolution. */
    public static final int DISPARITIES = 25;
    public static final int GROUPS = 44;
    public static final int GUIDANCE_BINS = 32;
    public static final int LEVELS = 97;

    private static final String FE = "feature_extraction.";
    private static final String CP = "coeffs_disparity_predictor.";
    private static final String RN = "refinement_net.";

    private final Architecture architecture;
    /** The folded weights of a declared layer; in layout mode a stand-in without arrays. */
    private final Function<LayerSpec, FoldedConv> layers;
    private final Map<String, LayerSpec> declared = new LinkedHashMap<>();
    private final List<Op> ops = new ArrayList<>();
    private final List<Tensor> tensors = new ArrayList<>();
    private final Map<String, Tensor> named = new LinkedHashMap<>();
    private Stage stage;
    private String side = "";

    /** Whether the plan computes the confidence map too. */
    private final boolean confidence;

    private ProgramBuilder(Architecture architecture, Function<LayerSpec, FoldedConv> layers, boolean confidence) {
        this.architecture = architecture;
        this.layers = layers;
        this.confidence = confidence;
    }

    /**
     * Every convolution the wiring below declares, by conv prefix in first-use order: the checkpoint's
     * key and shape table ({@link BGNetLayout}) is derived from it, so each layer is written once.
     */
    static Map<String, LayerSpec> layout(Architecture architecture) {
        ProgramBuilder b = new ProgramBuilder(architecture, spec -> new FoldedConv(spec, null, null), false);
        b.build(64, 64);
        return b.declared;
    }

    /** Plans a forward pass for an H×W input; H and W must be multiples of 64. */
    public static NetworkProgram plan(BGNetWeights weights, int height, int width) {
        return plan(weights, height, width, false);
    }

    /**
     * Plans a forward pass for an H×W input, with the confidence map when {@code confidence}: the slicing
     * also writes the largest softmax probability per half-resolution pixel, and one more bilinear op (value
     * scale 1) brings it to full resolution, after every other op. Without it the plan is the disparity-only one.
     */
    public static NetworkProgram plan(BGNetWeights weights, int height, int width, boolean confidence) {
        if (height <= 0 || width <= 0 || height % 64 != 0 || width % 64 != 0) {
            throw new IllegalArgumentException("network input must be a positive multiple of 64 in both sizes, got "
                    + width + "x" + height);
        }
        return new ProgramBuilder(weights.architecture(), spec -> checked(weights.conv(spec.convPrefix()), spec),
                confidence).build(height, width);
    }

    private NetworkProgram build(int h, int w) {
        View left = allocate2d(1, h, w);
        View right = allocate2d(1, h, w);
        stage = Stage.FEATURES;
        side = "left.";
        View[] l = featureExtraction(left);
        side = "right.";
        View[] r = featureExtraction(right);
        side = "";
        name("left_low_level", l[0]);
        name("left_gwc_feature", l[1]);
        name("right_gwc_feature", r[1]);

        stage = Stage.GUIDE;
        View g1 = conv2d("guide.conv1.0", l[0], 16, 1, 1, 0, Activation.LEAKY_RELU, null, null);
        View guide = conv2d("guide.conv2.0", g1, 1, 1, 1, 0, Activation.TANH, null, null);
        name("guide", guide);

        stage = Stage.COST_VOLUME;
        View volume = groupwiseCorrelation(l[1], r[1]);
        name("gwc_volume", volume);

        stage = Stage.DRES0;
        View d0 = conv3d("dres0.0", volume, 32, false, 1, Activation.LEAKY_RELU, null);
        View dres0 = conv3d("dres0.1", d0, 16, false, 1, Activation.LEAKY_RELU, null);
        name("dres0", dres0);

        stage = Stage.HOURGLASS;
        View grid = hourglass(dres0);
        name("coeffs", grid);

        stage = Stage.SLICE_REGRESS;
        View half = allocate2d(1, h / 2, w / 2);
        View halfConfidence = confidence ? allocate2d(1, h / 2, w / 2) : null;
        ops.add(new SliceRegress("slice_regress", stage, grid, guide, half, halfConfidence, DISPARITIES,
                GUIDANCE_BINS, LEVELS));
        name("half_disp", half);

        View finalHalf = half;
        if (architecture == Architecture.BGNET_PLUS) {
            stage = Stage.REFINEMENT;
            finalHalf = refinement(half, left, right);
            stage = Stage.UPSAMPLE;
            name("disparity_unrefined", upsampleDisparity("upsample_unrefined", half));
        }
        stage = Stage.UPSAMPLE;
        View disparity = upsampleDisparity("upsample", finalHalf);
        name("disparity", disparity);
        // Last, so that the disparity-only ops keep their order; a probability is upsampled but not scaled.
        View fullConfidence = confidence
                ? resample("upsample_confidence", halfConfidence, h, w, 1, 2, 1) : null;
        return new NetworkProgram(architecture, h, w, ops, tensors, left.tensor(), right.tensor(),
                disparity.tensor(), fullConfidence == null ? null : fullConfidence.tensor(), named);
    }

    /** Returns {conv0a [32][H/2][W/2], gwc feature [352][H/8][W/8]}. */
    private View[] featureExtraction(View image) {
        int relu = Activation.RELU;
        View x = conv2d(FE + "firstconv.0.0", image, 32, 3, 2, 1, relu, null, null);
        x = conv2d(FE + "firstconv.1.0", x, 32, 3, 1, 1, relu, null, null);
        x = conv2d(FE + "firstconv.2.0", x, 32, 3, 1, 1, relu, null, null);
        View conv0a = basicBlock(FE + "layer1.0", x, 32, 1, null);
        View l2 = basicBlock(FE + "layer2.0", conv0a, 64, 2, null);
        View gwc = allocate2d(352, l2.h() / 2, l2.w() / 2);
        View feat0 = basicBlock(FE + "layer3.0", l2, 128, 2, gwc.channels(0, 128));
        View feat1 = basicBlock(FE + "layer4.0", feat0, 128, 1, gwc.channels(128, 128));
        View rem0 = conv2d(FE + "reduce.0", feat1, 32, 3, 1, 1, relu, null, gwc.channels(256, 32));
        View rem1 = conv2d(FE + "conv1a.conv", rem0, 48, 3, 2, 1, relu, null, null);
        View rem2 = conv2d(FE + "conv2a.conv", rem1, 64, 3, 2, 1, relu, null, null);
        View rem3 = conv2d(FE + "conv3a.conv", rem2, 96, 3, 2, 1, relu, null, null);
        x = rem3;
        x = rem2 = conv2x(FE + "deconv3a", x, rem2, null);
        x = rem1 = conv2x(FE + "deconv2a", x, rem1, null);
        x = rem0 = conv2x(FE + "deconv1a", x, rem0, gwc.channels(288, 32));
        x = rem1 = conv2x(FE + "conv1b", x, rem1, null);
        x = rem2 = conv2x(FE + "conv2b", x, rem2, null);
        x = conv2x(FE + "conv3b", x, rem3, null);
        x = conv2x(FE + "deconv3b", x, rem2, null);
        x = conv2x(FE + "deconv2b", x, rem1, null);
        conv2x(FE + "deconv1b", x, rem0, gwc.channels(320, 32));
        return new View[] {conv0a, gwc};
    }

    /** y = cb(cbr(x)) + shortcut(x), no ReLU after the add; shortcut = 1×1 conv+BN when shape changes. */
    private View basicBlock(String p, View x, int planes, int stride, View out) {
        View t = conv2d(p + ".conv1.0", x, planes, 3, stride, 1, Activation.RELU, null, null);
        View shortcut = x;
        if (stride != 1 || x.c() != planes) {
            shortcut = conv2d(p + ".downsample.0", x, planes, 1, stride, 0, Activation.NONE, null, null);
        }
        return conv2d(p + ".conv2.0", t, planes, 3, 1, 1, Activation.NONE, shortcut, out);
    }

    /**
     * Conv2x: a = conv1(x) (k3 s2 conv, or k4 s2 transposed conv for the "deconv…" blocks, ReLU), then
     * conv2(cat(a, rem)); both have rem's channel count.
     */
    private View conv2x(String p, View x, View rem, View out) {
        int o = rem.c();
        boolean deconv = p.substring(p.lastIndexOf('.') + 1).startsWith("deconv");
        View cat = allocate2d(2 * o, rem.h(), rem.w());
        conv(p + ".conv1.conv", x, o, deconv ? 4 : 3, deconv, 2, 1, Activation.RELU, null, cat.channels(0, o));
        copy(p + ".concat", rem, cat.channels(o, o));
        return conv2d(p + ".conv2.conv", cat, o, 3, 1, 1, Activation.RELU, null, out);
    }

    private View hourglass(View x) {
        int lrelu = Activation.LEAKY_RELU;
        View a = conv3d(CP + "conv1", x, 32, false, 2, lrelu, null);
        View a2 = conv3d(CP + "conv2", a, 32, false, 1, lrelu, a);
        View b = conv3d(CP + "conv1_1", a2, 64, false, 2, lrelu, null);
        View c = conv3d(CP + "conv2_1", b, 64, false, 1, lrelu, b);
        View e = conv3d(CP + "conv3", c, 128, false, 2, lrelu, null);
        e = conv3d(CP + "conv4", e, 128, false, 1, lrelu, e);
        View f = conv3d(CP + "conv5", e, 64, true, 2, Activation.NONE, c);
        f = conv3d(CP + "conv6", f, 32, true, 2, Activation.NONE, a2);
        f = conv3d(CP + "conv7", f, 16, true, 2, Activation.NONE, null);
        return conv3d(CP + "last_for_guidance", f, 32, false, 1, lrelu, null);
    }

    private View refinement(View half, View left, View right) {
        int h2 = half.h();
        int w2 = half.w();
        View leftHalf = resample("downsample_left", left, h2, w2, 2, 1, 1);
        View rightHalf = resample("downsample_right", right, h2, w2, 2, 1, 1);
        name("left_half", leftHalf);
        name("right_half", rightHalf);
        View warped = allocate2d(2, h2, w2);
        ops.add(new WarpDifference("warp_difference", stage, half, leftHalf, rightHalf, warped));

        int lrelu = Activation.LEAKY_RELU;
        int relu = Activation.RELU;
        View start = allocate2d(32, h2, w2);
        conv2d(RN + "conv1.0", warped, 16, 3, 1, 1, lrelu, null, start.channels(0, 16));
        conv2d(RN + "conv2.0", half, 16, 3, 1, 1, lrelu, null, start.channels(16, 16));
        View x = conv2d(RN + "conv_start.0", start, 32, 3, 1, 1, lrelu, null, null);
        View rem0 = x;
        View rem1 = x = conv2d(RN + "conv1a.conv", x, 48, 3, 2, 1, relu, null, null);
        View rem2 = x = conv2d(RN + "conv2a.conv", x, 64, 3, 2, 1, relu, null, null);
        View rem3 = x = conv2d(RN + "conv3a.conv", x, 96, 3, 2, 1, relu, null, null);
        View rem4 = x = conv2d(RN + "conv4a.conv", x, 128, 3, 2, 1, relu, null, null);
        x = rem3 = conv2x(RN + "deconv4a", x, rem3, null);
        x = rem2 = conv2x(RN + "deconv3a", x, rem2, null);
        x = rem1 = conv2x(RN + "deconv2a", x, rem1, null);
        x = rem0 = conv2x(RN + "deconv1a", x, rem0, null);
        x = rem1 = conv2x(RN + "conv1b", x, rem1, null);
        x = rem2 = conv2x(RN + "conv2b", x, rem2, null);
        x = rem3 = conv2x(RN + "conv3b", x, rem3, null);
        x = conv2x(RN + "conv4b", x, rem4, null);
        x = conv2x(RN + "deconv4b", x, rem3, null);
        x = conv2x(RN + "deconv3b", x, rem2, null);
        x = conv2x(RN + "deconv2b", x, rem1, null);
        x = conv2x(RN + "deconv1b", x, rem0, null);
        View residual = conv2d(RN + "final_conv", x, 1, 3, 1, 1, Activation.NONE, null, null);
        name("refine_residual", residual);
        View refined = allocate2d(1, h2, w2);
        ops.add(new ReluAdd("refined", stage, half, residual, refined));
        name("refine_out_half_disp", refined);
        return refined;
    }

    private View upsampleDisparity(String name, View half) {
        return resample(name, half, half.h() * 2, half.w() * 2, 1, 2, 2);
    }

    private View resample(String name, View in, int outH, int outW, int stepNum, int stepDen, int valueScale) {
        View out = allocate2d(1, outH, outW);
        ops.add(new Bilinear(name, stage, in, out, stepNum, stepDen, valueScale));
        return out;
    }

    private View groupwiseCorrelation(View left, View right) {
        View out = allocate(GROUPS, DISPARITIES, left.h(), left.w());
        ops.add(new Correlation("gwc_volume", stage, left, right, out, GROUPS, DISPARITIES));
        return out;
    }

    /** A 2-D convolution k×k to {@code outC} channels, writing into {@code out} or a new tensor. */
    private View conv2d(String prefix, View in, int outC, int k, int stride, int pad, int act, View res, View out) {
        return conv(prefix, in, outC, k, false, stride, pad, act, res, out);
    }

    /** Conv2d or (transposed) ConvTranspose2d, declared here: its spec comes from these arguments. */
    private View conv(String prefix, View in, int outC, int k, boolean transposed, int stride, int pad, int act,
                      View res, View out) {
        FoldedConv f = declare(prefix, in.c(), outC, new int[] {k, k}, transposed);
        int oh = transposed ? (in.h() - 1) * stride - 2 * pad + k : (in.h() + 2 * pad - k) / stride + 1;
        int ow = transposed ? (in.w() - 1) * stride - 2 * pad + k : (in.w() + 2 * pad - k) / stride + 1;
        View o = out != null ? out : allocate2d(outC, oh, ow);
        requireShape(prefix, o, outC, 1, oh, ow);
        if (res != null) {
            requireShape(prefix + " residual", res, outC, 1, oh, ow);
        }
        ops.add(new Conv(side + prefix, stage, in, f, res, o, new ConvGeometry(false, transposed, k, stride, pad, act)));
        return o;
    }

    /** cbl3 (k3, stride (1,s,s), pad 1) or, when transposed, tb3 (output padding (0,1,1)), stored as x.0 / x.1. */
    private View conv3d(String convPrefix, View in, int outC, boolean transposed, int stride, int act, View res) {
        String prefix = convPrefix + ".0";
        FoldedConv f = declare(prefix, in.c(), outC, new int[] {3, 3, 3}, transposed);
        int oh = transposed ? in.h() * stride : (in.h() + 2 - 3) / stride + 1;
        int ow = transposed ? in.w() * stride : (in.w() + 2 - 3) / stride + 1;
        View o = allocate(outC, in.d(), oh, ow);
        if (res != null) {
            requireShape(prefix + " residual", res, outC, in.d(), oh, ow);
        }
        ops.add(new Conv(prefix, stage, in, f, res, o, new ConvGeometry(true, transposed, 3, stride, 1, act)));
        return o;
    }

    /**
     * The layer at {@code prefix} as the checkpoint stores it. Key styles follow upstream's module tree:
     * {@code x.0}/{@code x.1} for Sequential conv+BN, {@code x.conv}/{@code x.bn} for BasicConv (whose
     * BatchNorm the feature extractor stores but never applies), and a plain biased conv (final_conv).
     */
    private FoldedConv declare(String prefix, int inC, int outC, int[] kernel, boolean transposed) {
        int[] shape = new int[2 + kernel.length];
        shape[0] = transposed ? inC : outC;
        shape[1] = transposed ? outC : inC;
        System.arraycopy(kernel, 0, shape, 2, kernel.length);
        String weightKey = prefix + ".weight";
        LayerSpec spec;
        if (prefix.endsWith(".conv")) {
            String module = prefix.substring(0, prefix.length() - ".conv".length());
            spec = new LayerSpec(weightKey, shape, transposed, module + ".bn", !prefix.startsWith(FE), false);
        } else if (prefix.endsWith(".0")) {
            spec = new LayerSpec(weightKey, shape, transposed, prefix.substring(0, prefix.length() - 2) + ".1", true, false);
        } else {
            spec = new LayerSpec(weightKey, shape, transposed, null, false, true);
        }
        declared.putIfAbsent(spec.convPrefix(), spec);
        return layers.apply(spec);
    }

    /** The loaded layer, which must be the one the wiring declares (the checkpoint was validated against it). */
    private static FoldedConv checked(FoldedConv loaded, LayerSpec declared) {
        LayerSpec s = loaded.spec();
        if (!Arrays.equals(s.shape(), declared.shape()) || s.transposed() != declared.transposed()) {
            throw new IllegalStateException(declared.convPrefix() + ": loaded " + Arrays.toString(s.shape())
                    + ", wiring expects " + Arrays.toString(declared.shape()));
        }
        return loaded;
    }

    private void copy(String name, View src, View dst) {
        ops.add(new Copy(side + name, stage, src, dst));
    }

    private View allocate(int c, int d, int h, int w) {
        Tensor t = new Tensor(tensors.size(), c, d, h, w);
        tensors.add(t);
        return t.all();
    }

    private View allocate2d(int c, int h, int w) {
        return allocate(c, 1, h, w);
    }

    private void name(String name, View map) {
        if (!map.whole()) {
            throw new IllegalStateException(name + " is a view, not a whole tensor");
        }
        named.put(name, map.tensor());
    }

    private static void requireShape(String what, View m, int c, int d, int h, int w) {
        if (m.c() != c || m.d() != d || m.h() != h || m.w() != w) {
            throw new IllegalStateException(what + ": shape [" + m.c() + "," + m.d() + "," + m.h() + "," + m.w()
                    + "], expected [" + c + "," + d + "," + h + "," + w + "]");
        }
    }
}
