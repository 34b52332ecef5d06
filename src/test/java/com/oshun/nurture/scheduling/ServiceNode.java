package com.oshun.nurture.scheduling;

import com.oshun.nurture.NurtureApplication;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import static org.awaitility.Awaitility.await;

/**
 * The real service as a separate JVM ({@code NurtureApplication serve}) on the test's
 * class path without the test classes, so it can be killed with SIGKILL like a crashed
 * node. Its output goes to a log file next to the surefire reports.
 */
final class ServiceNode {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final Map<String, String> environment;

	private final List<String> arguments;

	private final int port;

	private final Path log;

	private Process process;

	ServiceNode(String name, Map<String, String> environment, List<String> arguments) {
		this.name = name;
		this.environment = environment;
		this.arguments = arguments;
		this.port = freePort();
		this.log = Paths.get("target", "surefire-reports", "node-" + name + ".log");
	}

	int port() {
		return port;
	}

	/** Start the JVM; {@link #awaitUp()} waits for it to answer. */
	ServiceNode start() {
		List<String> command = new ArrayList<>(
				List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
						"-XX:TieredStopAtLevel=1", "-Xshare:off", "-cp", classPath(),
						NurtureApplication.class.getName(), "serve"));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile()));
		// A null value removes the variable the test JVM would pass on.
		environment.forEach((key, value) -> {
			if (value == null) {
				builder.environment().remove(key);
			}
			else {
				builder.environment().put(key, value);
			}
		});
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	ServiceNode awaitUp() {
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException("node " + name + " exited; see " + log);
			}
			return health() > 0;
		});
		return this;
	}

	/** SIGKILL: no shutdown hook, no graceful stop. */
	void kill() {
		process.destroyForcibly();
		awaitExit();
	}

	/** SIGTERM: the graceful stop. */
	void stop() {
		process.destroy();
		awaitExit();
	}

	boolean alive() {
		return process != null && process.isAlive();
	}

	/** The status of {@code /actuator/health}, or 0 when it does not answer. */
	int health() {
		try {
			return HTTP
				.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	String base() {
		return "http://localhost:" + port;
	}

	private void awaitExit() {
		try {
			process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private File logFile() {
		try {
			Files.createDirectories(log.getParent());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return log.toFile();
	}

	/**
	 * The test JVM's class path (surefire may hide it behind a manifest-only jar) minus
	 * the test classes, whose test configurations would otherwise be scanned.
	 */
	private static String classPath() {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (entry.contains("surefirebooter") && entry.endsWith(".jar")) {
				entries.addAll(manifestClassPath(entry));
			}
			else {
				entries.add(entry);
			}
		}
		return String.join(File.pathSeparator,
				entries.stream()
					.filter(entry -> !entry.replace('\\', '/').endsWith("test-classes")
							&& !entry.replace('\\', '/').endsWith("test-classes/"))
					.toList());
	}

	private static List<String> manifestClassPath(String jar) {
		try (JarFile file = new JarFile(jar)) {
			Manifest manifest = file.getManifest();
			String value = manifest.getMainAttributes().getValue("Class-Path");
			return Arrays.stream(value.trim().split("\\s+"))
				.map(url -> Paths.get(URI.create(url.startsWith("file:") ? url : "file:" + url)).toString())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
