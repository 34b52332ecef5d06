package com.oshun.nurture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

import com.oshun.nurture.simulation.SimulationOptions;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * {@code serve} (the default) runs the HTTP service; {@code demo} runs a simulated clinic
 * on a virtual clock, prints what its patients would receive, and exits; {@code simulate}
 * does the same with many synthetic contacts and chosen behaviours (docs/simulation.md);
 * {@code import FILE} imports contacts from a CSV or NDJSON file (docs/operations.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NurtureApplication {

	public static void main(String[] args) throws IOException {
		String command = (args.length > 0) ? args[0] : "serve";
		String[] rest = (args.length > 0) ? Arrays.copyOfRange(args, 1, args.length) : args;
		switch (command) {
			case "serve" -> SpringApplication.run(NurtureApplication.class, rest);
			case "demo" -> System.exit(offline("demo", rest));
			case "simulate" -> System.exit(simulate(rest));
			case "import" -> System.exit(command("import", rest));
			default -> {
				System.err.println("usage: java -jar nurture.jar [serve|demo|simulate|import FILE]");
				System.exit(2);
			}
		}
	}

	private static int simulate(String[] args) throws IOException {
		try {
			SimulationOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(SimulationOptions.USAGE);
			return 2;
		}
		return offline("simulate", args);
	}

	/**
	 * A command on the service's own database (the same data dir or
	 * {@code SPRING_DATASOURCE_URL}), without the web server, the scheduler or the step
	 * workers.
	 */
	static int command(String profile, String[] args) {
		SpringApplication app = new SpringApplication(NurtureApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		app.setAdditionalProfiles(profile);
		return SpringApplication.exit(app.run(args));
	}

	/**
	 * The demo and the simulation run on their own throwaway embedded database, so they
	 * never touch the service's data.
	 */
	static int offline(String profile, String[] args) throws IOException {
		Path dataDir = Files.createTempDirectory("nurture-" + profile + "-");
		System.setProperty("nurture.data-dir", dataDir.toString());
		try {
			SpringApplication app = new SpringApplication(NurtureApplication.class);
			app.setWebApplicationType(WebApplicationType.NONE);
			app.setAdditionalProfiles(profile);
			return SpringApplication.exit(app.run(args));
		}
		finally {
			delete(dataDir);
		}
	}

	private static void delete(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

}
