package bgnet.app.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON of `bench --json` and `compare --json` (Jackson): indented, one array element per line,
 * {@code "key": value}, and NaN or infinite numbers (a figure that was not measured) written as
 * null, since JSON has neither.
 */
public final class JsonReports {
    private static final ObjectWriter WRITER = new ObjectMapper()
            .registerModule(new SimpleModule("finite-or-null")
                    .addSerializer(Double.class, new FiniteOrNull())
                    .addSerializer(Double.TYPE, new FiniteOrNull()))
            .writer(arraysOnePerLine(new DefaultPrettyPrinter().withSeparators(
                    Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))));

    private JsonReports() {
    }

    private static DefaultPrettyPrinter arraysOnePerLine(DefaultPrettyPrinter p) {
        p.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        return p;
    }

    /** {@code report} (a record whose components name their keys) as an indented JSON document with a final newline. */
    public static String toJson(Object report) {
        try {
            return WRITER.writeValueAsString(report) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class FiniteOrNull extends StdSerializer<Double> {
        FiniteOrNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double v, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (v == null || !Double.isFinite(v)) {
                gen.writeNull();
            } else {
                gen.writeNumber(v);
            }
        }
    }
}
