package bgnet.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Failures from libraries become one plain line. */
class ErrorMessagesTest {

    /** A TornadoVM bailout as it came from a failed driver build: colours and its own stack trace inside the message. */
    @Test
    void tornadoVmsColouredMessageWithItsStackTraceBecomesItsWords() {
        String tornado = "\u001B[31mUnable to compile task g.t - copy The internal error is: \u001B[31mError during code "
                + "compilation with the OpenCL driver\u001B[0m Stacktrace: [tornado.drivers.opencl@5.2.0-jdk25/uk.ac."
                + "OCLCodeCache.installSource(OCLCodeCache.java:613), bgnet.app.BGNetCli.main(BGNetCli.java:25)]\u001B[0m";
        assertEquals("IllegalStateException: Unable to compile task g.t - copy The internal error is: Error during code "
                + "compilation with the OpenCL driver", ErrorMessages.oneLine(new IllegalStateException(tornado)));
    }

    @Test
    void aPlainMessageIsKept() {
        assertEquals("IllegalStateException: no such device", ErrorMessages.oneLine(new IllegalStateException("no such device")));
    }
}
