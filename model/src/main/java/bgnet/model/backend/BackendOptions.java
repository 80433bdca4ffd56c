package bgnet.model.backend;

/**
 * Settings a backend may honour when it is created.
 *
 * @param profile     collect the device's own kernel / transfer timings (see {@link ProgramRunner#deviceTimes()})
 * @param copyNamed   also copy the program's named intermediates back after every run (tests, debugging);
 *                    normally only the disparity leaves the device
 */
public record BackendOptions(boolean profile, boolean copyNamed) {

    public static BackendOptions defaults() {
        return new BackendOptions(false, false);
    }
}
