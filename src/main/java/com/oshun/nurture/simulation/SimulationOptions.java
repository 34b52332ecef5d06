package com.oshun.nurture.simulation;

import java.nio.file.Path;
import java.util.Set;

/**
 * The options of {@code java -jar nurture.jar simulate}: how many synthetic contacts,
 * over how many days, which triggers they arrive by, the share the triggered sequences
 * hold out, how contacts behave ({@code --model published}, calibrated to published
 * trials, or {@code --model clinic} with the clinic's own effect sizes), and the seed
 * that makes a run repeatable.
 */
public record SimulationOptions(int contacts, int days, String triggers, Integer holdout, String model,
		Behaviour behaviour, long seed, Path report) {

	public static final String USAGE = "usage: java -jar nurture.jar simulate [--contacts 200] [--days 120] "
			+ "[--triggers mixed|no-show] [--holdout PERCENT] [--seed 42] [--report FILE.html] [--model published]\n"
			+ "       --model clinic [--baseline-rebook 0.15] [--baseline-days 42] [--message-effect 0.009] "
			+ "[--drip-effect 0.015] [--reply-rate 0.2] [--reply-within-24h 0.7] [--stop-rate 0.01]";

	private static final Set<String> CLINIC_OPTIONS = Set.of("--baseline-rebook", "--baseline-days", "--message-effect",
			"--drip-effect", "--reply-rate", "--reply-within-24h", "--stop-rate");

	public SimulationOptions {
		if (contacts < 1 || contacts > 100_000) {
			throw new IllegalArgumentException("--contacts must be from 1 to 100000");
		}
		if (days < 1 || days > 3650) {
			throw new IllegalArgumentException("--days must be from 1 to 3650");
		}
		if (!triggers.equals("mixed") && !triggers.equals("no-show")) {
			throw new IllegalArgumentException("--triggers must be mixed or no-show");
		}
		if (holdout != null && (holdout < 0 || holdout > 50)) {
			throw new IllegalArgumentException("--holdout must be from 0 to 50");
		}
	}

	/** Options from {@code --name value} pairs; anything unknown is an error. */
	public static SimulationOptions parse(String... args) {
		int contacts = 200;
		int days = 120;
		String triggers = "mixed";
		Integer holdout = null;
		String model = "published";
		Behaviour b = Behaviour.PUBLISHED;
		double baseline = b.baselineRebook();
		int baselineDays = b.baselineDays();
		double message = b.messageEffect();
		double drip = b.dripEffect();
		double reply = b.replyRate();
		double within = b.replyWithin24h();
		double stop = b.stopRate();
		long seed = 42;
		Path report = null;
		String clinicOption = null;
		for (int i = 0; i < args.length; i += 2) {
			String name = args[i];
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException(name + " needs a value");
			}
			String value = args[i + 1];
			if (CLINIC_OPTIONS.contains(name)) {
				clinicOption = name;
			}
			try {
				switch (name) {
					case "--contacts" -> contacts = Integer.parseInt(value);
					case "--days" -> days = Integer.parseInt(value);
					case "--triggers" -> triggers = value;
					case "--holdout" -> holdout = Integer.parseInt(value);
					case "--model" -> model = value;
					case "--baseline-rebook" -> baseline = Double.parseDouble(value);
					case "--baseline-days" -> baselineDays = Integer.parseInt(value);
					case "--message-effect" -> message = Double.parseDouble(value);
					case "--drip-effect" -> drip = Double.parseDouble(value);
					case "--reply-rate" -> reply = Double.parseDouble(value);
					case "--reply-within-24h" -> within = Double.parseDouble(value);
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
		if (!model.equals("published") && !model.equals("clinic")) {
			throw new IllegalArgumentException("--model must be published or clinic");
		}
		if (model.equals("published") && clinicOption != null) {
			throw new IllegalArgumentException(
					clinicOption + " is the clinic's own effect size: it needs --model clinic");
		}
		Behaviour behaviour = new Behaviour(baseline, baselineDays, message, drip, reply, within, stop);
		return new SimulationOptions(contacts, days, triggers, holdout, model, behaviour, seed, report);
	}

}
