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

	DefaultSequenceLoader(SequenceCatalog catalog, NurtureSettings settings) {
		this.catalog = catalog;
		this.settings = settings;
	}

	@Override
	public void afterPropertiesSet() {
		if (catalog.isEmpty()) {
			DefaultSequences.all(settings).forEach(catalog::add);
		}
	}

}
