package bgnet.app;

import bgnet.model.io.ConfidenceFiles;
import bgnet.model.io.ConfidenceMap;
import bgnet.model.io.DisparityMap;
import bgnet.model.io.PfmFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's Java example as an outside project would use it: bgnet-model (with its parent and the
 * kernels) is installed by {@code mvn install:install-file} into a private repository, examples/ is
 * copied out of the repository and built by Maven against the installed coordinates, and the example
 * run on the sample pair must write the disparity and confidence that {@code bgnet predict} writes. It also
 * compiles with the library on the module path, where only the exported API is reachable.
 * Third-party artifacts come from this build's own local repository (no download when it has them,
 * Maven Central otherwise); nothing is installed into it. Runs after packaging (failsafe, `mvn verify`).
 */
class ExampleProjectIT {
    static final Path ROOT = Path.of(System.getProperty("bgnet.root"));
    static final Path FIXTURES = Path.of(System.getProperty("bgnet.testdata"));
    static final Path WEIGHTS = FIXTURES.resolve("bgnet_plus_random.pth");
    static final Path LEFT = FIXTURES.resolve("large_left_resized.png");
    static final Path RIGHT = FIXTURES.resolve("large_right_resized.png");
    static final String VERSION = System.getProperty("bgnet.version");

    @TempDir
    Path tmp;

    @Test
    void readmeExampleBuiltAgainstTheInstalledArtifactWritesWhatPredictWrites() throws Exception {
        Path repo = tmp.resolve("repo");
        Path settings = writeSettings(tmp.resolve("settings.xml"));
        install(repo, settings, ROOT.resolve("pom.xml"), ROOT.resolve("pom.xml"));
        install(repo, settings, jar("tornado-kernels"), ROOT.resolve("tornado-kernels/pom.xml"));
        install(repo, settings, jar("model"), ROOT.resolve("model/pom.xml"));

        Path project = tmp.resolve("outside-project");
        copyTree(ROOT.resolve("examples"), project);
        Path classpath = tmp.resolve("classpath.txt");
        mvn(project, repo, settings, "package",
                "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath", "-Dmdep.outputFile=" + classpath);

        // On the module path, code outside the library can reach only what bgnet.model exports: the example
        // compiles there too, so it uses nothing but the API.
        Path moduleClasses = Files.createDirectory(tmp.resolve("module-path-classes"));
        // An explicit class path: in-process javac would otherwise search this test's own class path.
        int javac = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", moduleClasses.toString(),
                "-cp", moduleClasses.toString(), "--module-path", Files.readString(classpath).strip(), "--add-modules", "bgnet.model",
                project.resolve("src/main/java/bgnet/examples/StereoExample.java").toString());
        assertEquals(0, javac, "the example does not compile against bgnet.model on the module path");

        Path exampleOut = Files.createDirectory(tmp.resolve("example-out"));
        String java = ProcessHandle.current().info().command().orElseThrow();
        String cp = project.resolve("target/classes") + File.pathSeparator + Files.readString(classpath).strip();
        String printed = run(project, List.of(java, "--add-modules", "jdk.incubator.vector", "-cp", cp,
                "bgnet.examples.StereoExample", WEIGHTS.toString(), LEFT.toString(), RIGHT.toString(), exampleOut.toString()));
        assertTrue(printed.contains("BGNet+ on jvm"), printed);

        Path cliDisparity = tmp.resolve("cli-disparity.pfm");
        Path cliConfidence = tmp.resolve("cli-confidence.pfm");
        CliRunner cli = CliRunner.run("predict", "--weights", WEIGHTS.toString(), "--left", LEFT.toString(),
                "--right", RIGHT.toString(), "--output", cliDisparity.toString(), "--confidence", cliConfidence.toString());
        assertEquals(0, cli.exitCode(), cli.err());

        DisparityMap expected = PfmFile.read(cliDisparity);
        DisparityMap got = PfmFile.read(exampleOut.resolve("disparity.pfm"));
        assertEquals(1280, got.width());
        assertEquals(384, got.height());
        assertArrayEquals(expected.values(), got.values(), "disparity");
        ConfidenceMap expectedConfidence = ConfidenceFiles.read(cliConfidence);
        assertArrayEquals(expectedConfidence.values(), ConfidenceFiles.read(exampleOut.resolve("confidence.pfm")).values(),
                "confidence");
        assertTrue(Files.size(exampleOut.resolve("depth.png")) > 0);
    }

    private static Path jar(String module) {
        Path jar = ROOT.resolve(module).resolve("target").resolve(("tornado-kernels".equals(module)
                ? "bgnet-tornado-kernels-" : "bgnet-" + module + "-") + VERSION + ".jar");
        assertTrue(Files.isRegularFile(jar), jar + " missing: run `mvn verify` (it packages before this test)");
        return jar;
    }

    /** `mvn install:install-file`, the documented way to put a jar into a repository by its own pom. */
    private void install(Path repo, Path settings, Path file, Path pom) throws Exception {
        List<String> args = new ArrayList<>(List.of("org.apache.maven.plugins:maven-install-plugin:3.1.2:install-file",
                "-Dfile=" + file, "-DpomFile=" + pom));
        if (file.equals(pom)) {
            args.add("-Dpackaging=pom");
        }
        mvn(tmp, repo, settings, args.toArray(String[]::new));
    }

    /**
     * Settings that let the inner builds read this build's local repository as a remote one (first),
     * with Maven Central after it.
     */
    private static Path writeSettings(Path target) throws IOException {
        String outer = Path.of(System.getProperty("bgnet.maven.repo")).toUri().toString();
        String repository = "<id>outer</id><url>" + outer + "</url>"
                + "<releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots>";
        Files.writeString(target, """
                <settings>
                  <profiles><profile><id>outer</id>
                    <repositories><repository>%s</repository></repositories>
                    <pluginRepositories><pluginRepository>%s</pluginRepository></pluginRepositories>
                  </profile></profiles>
                  <activeProfiles><activeProfile>outer</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository, repository));
        return target;
    }

    private static void mvn(Path dir, Path repo, Path settings, String... goals) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("bgnet.maven.home"), "bin", "mvn").toString(),
                "-B", "-q", "-ntp", "-s", settings.toString(), "-Dmaven.repo.local=" + repo));
        command.addAll(List.of(goals));
        run(dir, command);
    }

    /** Runs a command with this JVM's JDK; returns its output, failing the test with it on a non-zero exit. */
    private static String run(Path dir, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = p.waitFor(300, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended && p.exitValue() == 0, String.join(" ", command) + " failed:\n" + output);
        return output;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(f);
                if (rel.startsWith("target")) {
                    continue;
                }
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(f, dest);
                }
            }
        }
    }
}
