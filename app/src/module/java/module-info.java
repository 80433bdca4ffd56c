/**
 * The bgnet command line. Backends other than the JVM are found at run time (ServiceLoader, declared
 * by bgnet.model), so this module needs no TornadoVM: on the module path next to bgnet.tornado it
 * runs with `tornado --module-path app/target/modules -m bgnet.app/bgnet.app.BGNetCli`, every command
 * included. JavaCV's own descriptor requires JavaFX and the Java parts of every camera SDK it wraps:
 * app/pom.xml brings those jars (not their natives), and `mvn package` puts all modules into
 * app/target/modules. It compiles on its own, after the classes (see app/pom.xml).
 */
module bgnet.app {
    requires bgnet.model;
    requires info.picocli;
    requires java.net.http;
    requires java.desktop;
    requires com.fasterxml.jackson.databind;
    // The live demo: cameras, video files and recording, OpenCV calibration and the window.
    requires org.bytedeco.javacv;
    requires org.bytedeco.opencv;
    requires org.bytedeco.ffmpeg;

    // picocli reads and sets the command classes' annotated fields by reflection.
    opens bgnet.app to info.picocli, com.fasterxml.jackson.databind;
    // Jackson reads the JSON report records (bench, compare) by reflection.
    opens bgnet.app.bench to com.fasterxml.jackson.databind;
    opens bgnet.app.live to info.picocli;
    opens bgnet.app.calib to info.picocli;
    opens bgnet.app.dataset to info.picocli;
}
