package com.oshun.nurture.compose;

import java.time.LocalDate;
import java.util.List;

/**
 * The clinic knowledge valid on a day: the only source of prices, offers and links a
 * message may use.
 */
@FunctionalInterface
interface KnowledgeSource {

	List<KnowledgeItem> clinicValidOn(LocalDate date);

}
