package bgnet.app;

import bgnet.model.backend.KernelTier;
import picocli.CommandLine;

/** {@code --kernels fast|reference}, case-insensitive, with the valid values in the error. */
public final class KernelTierConverter implements CommandLine.ITypeConverter<KernelTier> {
    @Override
    public KernelTier convert(String value) {
        for (KernelTier t : KernelTier.values()) {
            if (t.name().equalsIgnoreCase(value)) {
                return t;
            }
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is not a kernel tier; use fast or reference");
    }
}
