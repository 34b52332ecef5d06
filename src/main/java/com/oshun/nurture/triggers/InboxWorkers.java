package com.oshun.nurture.triggers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.oshun.nurture.web.FailureKinds;
import com.oshun.nurture.web.JsonFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the {@link WebhookInbox}: {@code workers} threads, each owning the lanes
 * {@code lane % workers == i}, take a lane's advisory lock (so across nodes one worker
 * applies a lane at a time), apply a batch of its deliveries in arrival order and remove
 * them, in one transaction. A batch that fails is rolled back and applied again one
 * delivery at a time, so only the failing delivery waits for its retry (and, behind it,
 * the later deliveries of its contact). Nothing is lost: a crash leaves the deliveries
 * stored, and the next worker applies them.
 */
@Component
public class InboxWorkers implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(InboxWorkers.class);

	/** How often the backlog is read for the health component. */
	private static final Duration BACKLOG_EVERY = Duration.ofSeconds(10);

	private final WebhookInbox inbox;

	private final BookingEvents events;

	private final ObjectMapper mapper;

	private final InboxSettings settings;

	private final TransactionTemplate transactions;

	private final Map<String, BookingSource> readers = new ConcurrentHashMap<>();

	private final Map<String, CompletableFuture<Void>> waiters = new ConcurrentHashMap<>();

	private final List<Semaphore> wakeUps = new ArrayList<>();

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	/**
	 * The inbox's backlog as last read, and when (nanoTime); null before the first look.
	 */
	private volatile WebhookInbox.Backlog backlog;

	private volatile long backlogReadAt;

	InboxWorkers(WebhookInbox inbox, BookingEvents events, ObjectMapper mapper, InboxSettings settings,
			PlatformTransactionManager transactionManager) {
		this.inbox = inbox;
		this.events = events;
		this.mapper = mapper;
		this.settings = settings;
		this.transactions = new TransactionTemplate(transactionManager);
		this.backlogReadAt = System.nanoTime() - BACKLOG_EVERY.toNanos();
		for (int i = 0; i < settings.workers(); i++) {
			wakeUps.add(new Semaphore(0));
		}
	}

	/** How the deliveries of {@code source} are read again when they are applied. */
	void register(String source, BookingSource reader) {
		readers.put(source, reader);
	}

	/**
	 * Before storing a delivery: a future completed once this node has applied it (its
	 * first event's id is its name).
	 */
	CompletableFuture<Void> expect(String source, String firstEventId) {
		return waiters.computeIfAbsent(key(source, firstEventId), k -> new CompletableFuture<>());
	}

	void forget(String source, String firstEventId) {
		waiters.remove(key(source, firstEventId));
	}

	/**
	 * A delivery was stored in {@code lane}: its worker looks now, and the answer waits,
	 * up to its bound, for the delivery to be applied. A client that reads right after
	 * the answer sees it, and a sender is slowed to the rate the inbox applies at
	 * (backpressure) instead of filling it faster than it drains; only a burst beyond
	 * that bound is answered before it is applied. The waiter goes either way (another
	 * node may be the one that applies it).
	 */
	void wakeAndAwait(int lane, String source, String firstEventId, CompletableFuture<Void> applied) {
		wakeUps.get(lane % settings.workers()).release();
		try {
			await(applied);
		}
		finally {
			waiters.remove(key(source, firstEventId), applied);
		}
	}

	private void await(CompletableFuture<Void> applied) {
		try {
			applied.get(settings.answerWait().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			// Stored: the worker (this node's or another's) applies it later.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Apply every delivery due now, waiting for the lanes a worker holds: the simulated
	 * clock moves only after what arrived before it.
	 */
	public void drain() {
		for (int lane = 0; lane < settings.lanes(); lane++) {
			while (!applyLane(lane, true).isEmpty()) {
				// the lane's next batch
			}
		}
		backlog = inbox.backlog();
	}

	@Override
	public synchronized void start() {
		running = true;
		for (int i = 0; i < settings.workers(); i++) {
			int worker = i;
			Thread thread = new Thread(() -> work(worker), "webhook-inbox-" + (i + 1));
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
	}

	/**
	 * The backlog as the first worker last read it (every {@link #BACKLOG_EVERY}): the
	 * health component reads this, not the database, so it answers at once during an
	 * outage too. Null until the first read.
	 */
	WebhookInbox.Backlog backlog() {
		return backlog;
	}

	private void work(int worker) {
		Duration backoff = settings.pollingInterval();
		while (running) {
			try {
				if (worker == 0 && System.nanoTime() - backlogReadAt >= BACKLOG_EVERY.toNanos()) {
					backlog = inbox.backlog();
					backlogReadAt = System.nanoTime();
				}
				int applied = 0;
				for (int lane = worker; lane < settings.lanes(); lane += settings.workers()) {
					applied += applyLane(lane, false).size();
				}
				if (applied == 0) {
					idle(worker, settings.pollingInterval());
				}
				backoff = settings.pollingInterval();
			}
			catch (RuntimeException ex) {
				// The database is down, most likely: the deliveries stay stored.
				log.warn("The webhook inbox could not be read ({}); retrying in {}", FailureKinds.of(ex), backoff);
				log.debug("The inbox's failure", ex);
				idle(worker, backoff);
				backoff = min(backoff.multipliedBy(2), Duration.ofSeconds(5));
			}
		}
	}

	/**
	 * The deliveries of one lane applied by one batch (empty: none due, or lane busy).
	 */
	private List<WebhookInbox.Delivery> applyLane(int lane, boolean waitForLane) {
		List<WebhookInbox.Delivery> applied;
		try {
			applied = transactions.execute(status -> {
				if (!inbox.lock(lane, waitForLane)) {
					return List.of();
				}
				List<WebhookInbox.Delivery> batch = inbox.next(lane, settings.batchSize());
				batch.forEach(this::apply);
				if (!batch.isEmpty()) {
					inbox.remove(batch);
				}
				return batch;
			});
		}
		catch (RuntimeException ex) {
			log.debug("A batch of the webhook inbox failed; applying it one by one", ex);
			applied = oneByOne(lane);
		}
		applied.forEach(this::release);
		return applied;
	}

	private void release(WebhookInbox.Delivery delivery) {
		CompletableFuture<Void> waiter = waiters.remove(key(delivery));
		if (waiter != null) {
			waiter.complete(null);
		}
	}

	private List<WebhookInbox.Delivery> oneByOne(int lane) {
		List<WebhookInbox.Delivery> batch = transactions.execute(status -> inbox.lock(lane, true)
				? inbox.next(lane, settings.batchSize()) : List.<WebhookInbox.Delivery>of());
		List<WebhookInbox.Delivery> applied = new ArrayList<>();
		Set<String> held = new HashSet<>();
		for (WebhookInbox.Delivery delivery : batch) {
			if (held.contains(delivery.contactKey())) {
				continue;
			}
			try {
				transactions.executeWithoutResult(status -> {
					inbox.lock(lane, true);
					apply(delivery);
					inbox.remove(List.of(delivery));
				});
				applied.add(delivery);
			}
			catch (RuntimeException ex) {
				held.add(delivery.contactKey());
				Duration retryIn = retryDelay(delivery.attempts());
				log.warn("Webhook inbox delivery {} from {} failed ({}, attempt {}); retrying in {}", delivery.id(),
						delivery.source(), FailureKinds.of(ex), delivery.attempts() + 1, retryIn);
				log.debug("The delivery's failure", ex);
				transactions.executeWithoutResult(status -> inbox.hold(delivery, FailureKinds.of(ex), retryIn));
				// Its sender is answered now: the delivery is stored and will be applied.
				release(delivery);
			}
		}
		return applied;
	}

	private void apply(WebhookInbox.Delivery delivery) {
		BookingSource reader = readers.get(delivery.source());
		if (reader == null) {
			throw new IllegalStateException("no reader for webhook source " + delivery.source());
		}
		for (BookingEvent event : reader.read(JsonFields.parse(mapper, delivery.body()), delivery.body())) {
			events.applyStored(delivery.source(), event, delivery.receivedAt());
		}
	}

	private Duration retryDelay(int attempts) {
		Duration delay = Duration.ofSeconds(1L << Math.min(attempts, 20));
		return min(delay, settings.maxRetryDelay());
	}

	private void idle(int worker, Duration duration) {
		try {
			Semaphore wakeUp = wakeUps.get(worker);
			if (wakeUp.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS)) {
				wakeUp.drainPermits();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

	/** Let the batches in hand commit. */
	@Override
	public synchronized void stop() {
		running = false;
		wakeUps.forEach(wakeUp -> wakeUp.release());
		for (Thread thread : threads) {
			try {
				thread.join(Duration.ofSeconds(30).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		threads.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private static String key(WebhookInbox.Delivery delivery) {
		return key(delivery.source(), delivery.eventId());
	}

	private static String key(String source, String eventId) {
		return source + '\u0000' + eventId;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
