package com.oshun.nurture.simulation;

import com.oshun.nurture.sequence.SequenceCatalog;
import com.oshun.nurture.sequence.SequenceDefinition;
import com.oshun.nurture.sequence.SequenceKey;

import org.springframework.stereotype.Component;

/**
 * The sequences a simulation runs: {@code --holdout} writes a version of each triggered
 * sequence that holds out that share, through the same catalog a {@code PUT} uses.
 */
@Component
public class SimulationSequences {

	private final SequenceCatalog catalog;

	SimulationSequences(SequenceCatalog catalog) {
		this.catalog = catalog;
	}

	/** Apply the options' holdout, if they name one. */
	public void prepare(SimulationOptions options) {
		if (options.holdout() == null) {
			return;
		}
		for (SequenceKey key : SequenceKey.values()) {
			if (key == SequenceKey.DRIP) {
				continue;
			}
			SequenceDefinition d = catalog.current(key);
			catalog.add(new SequenceDefinition(key, 0, d.tone(), d.sendAt(), d.description(), options.holdout(),
					d.steps()));
		}
	}

}
