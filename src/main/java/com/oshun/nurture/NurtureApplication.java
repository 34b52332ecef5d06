package com.oshun.nurture;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * {@code serve} (the default) runs the HTTP service; {@code demo} runs a simulated clinic
 * on a virtual clock, prints what its patients would receive, and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NurtureApplication {

	public static void main(String[] args) {
		String command = (args.length > 0) ? args[0] : "serve";
		String[] rest = (args.length > 0) ? Arrays.copyOfRange(args, 1, args.length) : args;
		switch (command) {
			case "serve" -> SpringApplication.run(NurtureApplication.class, rest);
			case "demo" -> System.exit(SpringApplication.exit(demo().run(rest)));
			default -> {
				System.err.println("usage: java -jar nurture.jar [serve|demo]");
				System.exit(2);
			}
		}
	}

	static SpringApplication demo() {
		SpringApplication app = new SpringApplication(NurtureApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		app.setAdditionalProfiles("demo");
		return app;
	}

}
