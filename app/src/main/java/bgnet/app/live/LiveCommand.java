package bgnet.app.live;

import bgnet.app.EstimatorOptions;
import bgnet.app.PathClashes;
import bgnet.app.UserError;
import bgnet.app.calib.CalibrationException;
import bgnet.app.calib.CalibrationOptions;
import bgnet.app.calib.StereoCalibration;
import bgnet.api.StereoEstimator;
import bgnet.model.SetupReporting;
import bgnet.model.MemoryBudget;
import bgnet.model.io.ColorMapKind;
import bgnet.model.network.Architecture;
import org.bytedeco.ffmpeg.global.avutil;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Callable;

/** `bgnet live`: stereo frames from cameras or videos through the network, shown, recorded, summarised. */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = {"Live stereo depth: the left image and the colour-mapped disparity (or depth) side by side.",
                "Keys in the window: c colour map, d depth/disparity, s snapshot (PNG + PFM + PLY), q or Esc quit."},
        footer = {"", "Exit status: 0 at the end of a video, after --frames, or on q; 1 when a source or the network fails; 2 for bad options.",
                "The last line is: summary: frames=N dropped=M mean_fps=X median_fps=Y mean_latency_ms=Z first_frame_ms=F",
                "and, on TornadoVM, setup_ms=S setup_compile_ms=C setup_driver_ms=D setup_other_ms=O kernel_cache=K"})
public final class LiveCommand implements Callable<Integer> {

    @Mixin
    EstimatorOptions estimatorOptions;

    @Mixin
    SourceOptions sourceOptions;

    @Mixin
    CalibrationOptions calibrationOptions;

    @Option(names = "--width", defaultValue = "640", paramLabel = "W",
            description = "Network input width, a multiple of 64 (default ${DEFAULT-VALUE}); frames are resized and centre-cropped to it.")
    int width;

    @Option(names = "--height", defaultValue = "384", paramLabel = "H",
            description = "Network input height, a multiple of 64 (default ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--headless", description = "No window (for servers and recording).")
    boolean headless;

    @Option(names = "--record", paramLabel = "OUT.mp4", description = "Record the view (left | disparity, with the overlay) through FFmpeg.")
    Path record;

    @Option(names = "--frames", defaultValue = "0", paramLabel = "N", description = "Stop after N processed frames (default: run until the end or q).")
    long frames;

    @Option(names = "--colormap", defaultValue = "turbo", paramLabel = "NAME", description = "Colour map: turbo, viridis or gray (default ${DEFAULT-VALUE}).")
    String colormap;

    @Option(names = "--snapshot-dir", defaultValue = ".", paramLabel = "DIR", description = "Where the s key saves snapshots (default: the current folder).")
    Path snapshotDir;

    @Spec
    CommandSpec spec;

    private final EstimatorFactory estimators;

    /** How long inference waits for a frame before calling the source dead. */
    long stallMillis = 10_000;

    public LiveCommand() {
        this(EstimatorOptions::openEstimator);
    }

    /** With another way to get the network: tests pass a cheap stand-in. */
    public LiveCommand(EstimatorFactory estimators) {
        this.estimators = estimators;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        Optional<String> usage = usageProblem();
        if (usage.isPresent()) {
            err.println("error: " + usage.get() + " (see --help)");
            err.flush();
            return 2;
        }
        avutil.av_log_set_level(avutil.AV_LOG_FATAL); // our one-line errors already carry what FFmpeg would print
        try {
            return run(out, err);
        } catch (SourceException | CalibrationException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private int run(PrintWriter out, PrintWriter err) throws SourceException, CalibrationException {
        Optional<StereoCalibration> calibration = calibrationOptions.calibration();
        calibrationOptions.resolve(null, width, height); // checks --focal/--baseline before anything slow
        List<FrameSink> sinks = new ArrayList<>();
        try (StereoEstimator estimator = openEstimator()) {
            FrameSource source = openSource(calibration);
            ViewControls controls = new ViewControls(ColorMapKind.fromName(colormap));
            try {
                if (!headless) {
                    sinks.add(LiveWindow.open("bgnet live: " + source.description(), controls));
                }
                if (record != null) {
                    sinks.add(new VideoRecorder(record, source.frameRate() > 0 ? source.frameRate() : 30, !sourceOptions.keepsEveryFrame(record != null)));
                }
            } catch (SourceException e) {
                source.close();
                throw e;
            }
            out.printf("live: %s -> %s at %dx%d%s%n", source.description(), estimator.description(), width, height,
                    headless ? "" : " (window keys: " + ViewControls.HELP + ")");
            out.flush();
            LatestFrameSlot<StereoFrame> slot = new LatestFrameSlot<>();
            RunStats stats = new RunStats();
            InferenceLoop loop = new InferenceLoop(slot, estimator, new FrameRenderer(estimator.description()), sinks, controls,
                    new SnapshotWriter(snapshotDir), stats, frames, stallMillis * 1_000_000L, source.description(), out);
            // The summary is printed inside the guard, so that Ctrl+C or SIGTERM still ends the run with it.
            AtomicBoolean summarised = new AtomicBoolean();
            Runnable summary = () -> {
                if (summarised.compareAndSet(false, true)) {
                    out.println(stats.summary(slot.dropped(), estimator instanceof SetupReporting r ? r.lastSetup()
                            : Optional.empty()));
                    out.flush();
                }
            };
            Outcome outcome = ShutdownGuard.during(controls, () -> {
                Outcome o = LiveSession.run(source, sourceOptions.keepsEveryFrame(record != null), slot, loop);
                sinks.forEach(FrameSink::close); // inside the guard: Ctrl+C must still get a playable recording
                sinks.clear();
                (o.failed() ? err : out).println((o.failed() ? "error: " : "live: ") + o.message());
                err.flush();
                summary.run();
                return o;
            }, summary);
            return outcome.failed() ? 1 : 0;
        } finally {
            sinks.forEach(FrameSink::close);
        }
    }

    private StereoEstimator openEstimator() throws SourceException {
        try {
            return estimators.open(estimatorOptions);
        } catch (Exception e) {
            throw new SourceException("cannot load the network: " + OpenedGrabber.oneLine(e));
        }
    }

    private FrameSource openSource(Optional<StereoCalibration> calibration) throws SourceException {
        PairGrabber grabber = sourceOptions.openGrabber();
        FrameSource source = new JavaCvFrameSource(grabber, new FramePreparer(calibration, calibrationOptions, width, height));
        return sourceOptions.paced(record != null) && source.frameRate() > 0 ? new PacedSource(source, source.frameRate()) : source;
    }

    /**
     * Refuses a --width/--height whose buffers cannot fit in the heap, before a camera or video is opened
     * (the smaller network's need: the checkpoint is not loaded yet; the estimator checks its own exactly).
     */
    private Optional<String> sizeProblem() {
        long need = MemoryBudget.networkBytes(Architecture.BGNET, height, width);
        long max = Runtime.getRuntime().maxMemory();
        if (need <= max) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "--width %d --height %d: the network needs at least %.1f GB of "
                + "Java heap at this size but the JVM may use %.1f GB; use a smaller size (default 640x384) or "
                + "give it more with JAVA_OPTS=-Xmx%dg", width, height, need / (double) (1L << 30), max / (double) (1L << 30),
                (long) Math.ceil(need * 1.2 / (1L << 30))));
    }

    private Optional<String> usageProblem() {
        Optional<String> source = sourceOptions.problem();
        if (source.isPresent()) {
            return source;
        }
        if (width <= 0 || width % 64 != 0 || height <= 0 || height % 64 != 0) {
            return Optional.of("--width and --height must be positive multiples of 64 (the network downsamples 64 times), got "
                    + width + "x" + height);
        }
        Optional<String> memory = sizeProblem();
        if (memory.isPresent()) {
            return memory;
        }
        if (frames < 0) {
            return Optional.of("--frames must be 0 (no limit) or more, got " + frames);
        }
        if (record != null) {
            Path folder = record.toAbsolutePath().getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                return Optional.of("--record: folder " + folder + " does not exist");
            }
            try {
                new PathClashes().input("--video", sourceOptions.video).input("--left-video", sourceOptions.leftVideo)
                        .input("--right-video", sourceOptions.rightVideo).input("--calib", calibrationOptions.calib)
                        .output("--record", record).check();
            } catch (UserError e) {
                return Optional.of(e.getMessage());
            }
        }
        try {
            ColorMapKind.fromName(colormap);
        } catch (IllegalArgumentException e) {
            return Optional.of("--colormap: " + e.getMessage());
        }
        return Optional.empty();
    }
}
