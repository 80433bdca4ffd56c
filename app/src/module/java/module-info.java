/**
 * The bgnet command line. Backends other than the JVM are found at run time (ServiceLoader, declared
 * by bgnet.model), so this module needs no TornadoVM: on the module path next to bgnet.tornado it
 * runs with `tornado --module-path ... -m bgnet.app/bgnet.app.BGNetCli`. The live demo's JavaCV is
 * left out on purpose (its module needs JavaFX): `bgnet live` runs from the class path (scripts/bgnet).
 * It compiles on its own, after the classes (see app/pom.xml).
 */
module bgnet.app {
    requires bgnet.model;
    requires info.picocli;
    requires java.net.http;
    requires com.fasterxml.jackson.databind;

    // picocli reads and sets the command classes' annotated fields by reflection.
    opens bgnet.app to info.picocli, com.fasterxml.jackson.databind;
    // Jackson reads the JSON report records (bench, compare) by reflection.
    opens bgnet.app.bench to com.fasterxml.jackson.databind;
    opens bgnet.app.live to info.picocli;
    opens bgnet.app.calib to info.picocli;
}
