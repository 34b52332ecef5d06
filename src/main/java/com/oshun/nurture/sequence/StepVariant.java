package com.oshun.nurture.sequence;

/**
 * One content of a step under test (A/B): its name ({@code a}, {@code b} or {@code c}),
 * its objective and, when it differs from the sequence's, its tone (else null).
 */
public record StepVariant(String name, String objective, String tone) {

}
