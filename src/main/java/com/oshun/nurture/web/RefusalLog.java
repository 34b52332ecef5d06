package com.oshun.nurture.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests the database could not serve, logged as one line a minute at most: on a full
 * disk every request fails the same way, and a stack trace each would fill the disk the
 * log lives on faster than the database does.
 */
final class RefusalLog {

	private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);

	static final Duration RETRY_AFTER = Duration.ofSeconds(30);

	private static final long EVERY = Duration.ofMinutes(1).toNanos();

	private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - EVERY);

	private final AtomicInteger unlogged = new AtomicInteger();

	void log(String reason) {
		long now = System.nanoTime();
		long last = lastLogged.get();
		if (now - last >= EVERY && lastLogged.compareAndSet(last, now)) {
			int more = unlogged.getAndSet(0);
			log.warn("The database cannot serve requests, answering 503: {}{}", reason,
					(more > 0) ? " (and " + more + " more refused since the last such line)" : "");
		}
		else {
			unlogged.incrementAndGet();
		}
	}

}
