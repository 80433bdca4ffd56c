package bgnet.app;

import bgnet.model.checkpoint.CheckpointException;
import bgnet.model.checkpoint.StateDict;
import bgnet.model.network.BGNetLayout;
import bgnet.model.network.BGNetWeights;
import bgnet.model.weights.WeightsResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** `bgnet info W.pth`: what a checkpoint holds, after the same strict checks `predict` makes. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show a checkpoint's architecture, tensor and parameter counts (validates it strictly).")
final class InfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "W.pth", description = "Checkpoint path or official checkpoint name.")
    String weights;

    @Override
    public Integer call() throws CheckpointException {
        Path file = new WeightsResolver(WeightsResolver.defaultDir(), System.err).resolve(weights);
        StateDict sd = StateDict.read(file);
        bgnet.model.ParameterCheck.check(sd);
        BGNetWeights w = BGNetWeights.from(sd);
        BGNetLayout layout = BGNetLayout.of(w.architecture());
        System.out.println("file:          " + file);
        System.out.println("architecture:  " + w.architecture().displayName());
        System.out.println("tensors:       " + w.tensorCount());
        System.out.println("parameters:    " + String.format("%,d", w.parameterCount()));
        System.out.println("convolutions:  " + w.layerCount());
        System.out.println("batchnorms stored but not applied by upstream: " + layout.unappliedBatchNorms().size());
        return 0;
    }
}
