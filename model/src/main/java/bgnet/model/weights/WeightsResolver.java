package bgnet.model.weights;


import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns {@code --weights} into a local file: an existing path is used as is; the name of an official
 * checkpoint is looked up in the weights folder and downloaded there when missing (model-zoo style).
 */
public final class WeightsResolver {
    private final Path weightsDir;
    private final PrintStream progress;

    public WeightsResolver(Path weightsDir, PrintStream progress) {
        this.weightsDir = weightsDir;
        this.progress = progress;
    }

    /** The weights folder: {@code -Dbgnet.weights.dir}, else {@code <bgnet.home>/weights}, else ./weights. */
    public static Path defaultDir() {
        String dir = System.getProperty("bgnet.weights.dir");
        if (dir != null) {
            return Path.of(dir);
        }
        String home = System.getProperty("bgnet.home");
        return home != null ? Path.of(home, "weights") : Path.of("weights");
    }

    public Path resolve(String weights) {
        Path asPath = Path.of(weights);
        if (Files.exists(asPath)) {
            return asPath;  // the loader says what is wrong if it is a folder, a pipe or a device
        }
        Optional<String> official = OfficialCheckpoints.lookup(asPath.getFileName().toString());
        if (official.isEmpty() || (asPath.getParent() != null && !asPath.getParent().equals(weightsDir))) {
            throw new WeightsUnavailable(weights + ": no such checkpoint file (official names: "
                    + String.join(", ", OfficialCheckpoints.NAMES) + ")");
        }
        Path local = weightsDir.resolve(official.get());
        if (Files.isRegularFile(local)) {
            return local;
        }
        download(OfficialCheckpoints.baseUrl() + official.get(), local);
        return local;
    }

    private void download(String url, Path target) {
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            HttpClient client = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(20))
                    .build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).GET().build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new WeightsUnavailable("cannot download " + url + ": HTTP " + response.statusCode());
            }
            // Only once the server answers: offline, the error is the one line the user sees.
            progress.println("downloading " + url);
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(tmp)) {
                copyWithProgress(in, out, total);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            progress.println("saved " + target);
        } catch (UnknownHostException | ConnectException e) {
            throw new WeightsUnavailable("cannot download " + url + ": offline or host unreachable (" + e.getClass().getSimpleName()
                    + "); put the file at " + target + " or pass a local path to --weights");
        } catch (IOException e) {
            throw new WeightsUnavailable("cannot download " + url + ": " + e.getMessage()
                    + "; put the file at " + target + " or pass a local path to --weights");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WeightsUnavailable("download of " + url + " interrupted");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the .part file is harmless
                }
            }
        }
    }

    private void copyWithProgress(InputStream in, OutputStream out, long total) throws IOException {
        byte[] buf = new byte[1 << 16];
        long done = 0;
        int lastPercent = -1;
        long lastMb = -1;
        for (int n; (n = in.read(buf)) > 0; ) {
            out.write(buf, 0, n);
            done += n;
            if (total > 0) {
                int percent = (int) (100 * done / total);
                if (percent != lastPercent && percent % 5 == 0) {
                    progress.printf("  %3d%% (%.1f / %.1f MB)%n", percent, done / 1e6, total / 1e6);
                    lastPercent = percent;
                }
            } else if (done / 5_000_000 != lastMb) {
                lastMb = done / 5_000_000;
                progress.printf("  %.1f MB%n", done / 1e6);
            }
        }
        if (total > 0 && done != total) {
            throw new IOException("connection closed after " + done + " of " + total + " bytes");
        }
    }
}
