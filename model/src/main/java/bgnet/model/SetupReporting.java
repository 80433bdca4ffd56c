package bgnet.model;

import bgnet.model.backend.SetupSplit;

import java.util.Optional;

/** An estimator that can say how its last set-up went (the project's own tools read it; not API). */
public interface SetupReporting {

    /** The set-up of the network the estimator last prepared; empty before its first estimate. */
    Optional<SetupSplit> lastSetup();
}
