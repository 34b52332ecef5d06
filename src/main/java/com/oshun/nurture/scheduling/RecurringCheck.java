package com.oshun.nurture.scheduling;

/**
 * Work that runs every {@code nurture.checks-interval} on one node of the cluster (a
 * db-scheduler recurring task named {@link #name()}).
 */
public interface RecurringCheck {

	String name();

	void run();

}
