package com.oshun.nurture.simulation;

import java.nio.file.Path;

/**
 * The options of {@code java -jar nurture.jar simulate}: how many synthetic contacts,
 * over how many days, how they behave after each message they receive, and the seed that
 * makes a run repeatable.
 */
public record SimulationOptions(int contacts, int days, double replyRate, double bookingRate, double stopRate,
		long seed, Path report) {

	public static final String USAGE = "usage: java -jar nurture.jar simulate [--contacts 200] [--days 120] "
			+ "[--reply-rate 0.3] [--booking-rate 0.2] [--stop-rate 0.02] [--seed 42] [--report FILE.html]";

	public SimulationOptions {
		if (contacts < 1 || contacts > 100_000) {
			throw new IllegalArgumentException("--contacts must be from 1 to 100000");
		}
		if (days < 1 || days > 3650) {
			throw new IllegalArgumentException("--days must be from 1 to 3650");
		}
		probability("--reply-rate", replyRate);
		probability("--booking-rate", bookingRate);
		probability("--stop-rate", stopRate);
	}

	/** Options from {@code --name value} pairs; anything unknown is an error. */
	public static SimulationOptions parse(String... args) {
		int contacts = 200;
		int days = 120;
		double reply = 0.3;
		double booking = 0.2;
		double stop = 0.02;
		long seed = 42;
		Path report = null;
		for (int i = 0; i < args.length; i += 2) {
			String name = args[i];
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException(name + " needs a value");
			}
			String value = args[i + 1];
			try {
				switch (name) {
					case "--contacts" -> contacts = Integer.parseInt(value);
					case "--days" -> days = Integer.parseInt(value);
					case "--reply-rate" -> reply = Double.parseDouble(value);
					case "--booking-rate" -> booking = Double.parseDouble(value);
					case "--stop-rate" -> stop = Double.parseDouble(value);
					case "--seed" -> seed = Long.parseLong(value);
					case "--report" -> report = Path.of(value);
					default -> throw new IllegalArgumentException("unknown option " + name);
				}
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(name + " must be a number, was " + value);
			}
		}
		return new SimulationOptions(contacts, days, reply, booking, stop, seed, report);
	}

	private static void probability(String name, double value) {
		if (!(value >= 0 && value <= 1)) {
			throw new IllegalArgumentException(name + " must be from 0 to 1");
		}
	}

}
