package com.oshun.nurture.sequence;

import com.oshun.nurture.NurtureSettings;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Writes the default sequences as version 1 on a fresh database.
 */
@Component
class DefaultSequenceLoader implements InitializingBean {

	private final SequenceCatalog catalog;

	private final NurtureSettings settings;

	private final HoldoutSettings holdout;

	DefaultSequenceLoader(SequenceCatalog catalog, NurtureSettings settings, HoldoutSettings holdout) {
		this.catalog = catalog;
		this.settings = settings;
		this.holdout = holdout;
	}

	@Override
	public void afterPropertiesSet() {
		if (catalog.isEmpty()) {
			DefaultSequences.all(settings, holdout).forEach(catalog::add);
		}
	}

}
