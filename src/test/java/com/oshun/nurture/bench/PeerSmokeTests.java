package com.oshun.nurture.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The benchmark's peer (BullMQ on Redis) with tiny numbers, so it cannot rot. Skipped
 * where Node, its installed packages ({@code npm install} in {@code bench/peer}), Redis
 * or the local PostgreSQL are missing.
 */
class PeerSmokeTests {

	private static final Path PEER = Path.of("bench/peer");

	@Test
	void peerRunsEveryWorkload() throws Exception {
		assumeTrue(Files.isDirectory(PEER.resolve("node_modules/bullmq")), "bench/peer has no node_modules");
		assumeTrue(listening(6379), "no Redis on 6379");
		assumeTrue(listening(5432), "no PostgreSQL on 5432");
		recreateDatabase();
		int sinkPort = freePort();
		Path out = Files.createTempFile("peer-smoke", ".json");
		Process sink = new ProcessBuilder("node", "bench/sink/sink.js", Integer.toString(sinkPort))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			Process peer = new ProcessBuilder("node", "bench/peer/peer.js", "--db",
					"postgres://postgres@127.0.0.1:5432/nurture_peer_smoke", "--sink", "http://127.0.0.1:" + sinkPort,
					"--n", "20", "--pending", "80", "--cancels", "5", "--concurrency", "4", "--queue", "peer-smoke",
					"--out", out.toString())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			assertThat(peer.waitFor(90, TimeUnit.SECONDS)).as("peer finished").isTrue();
			assertThat(peer.exitValue()).isZero();
		}
		finally {
			sink.destroy();
		}
		JsonNode result = JsonMapper.builder().build().readTree(Files.readString(out));
		assertThat(result.path("pipelineSmall").path("steps").asInt()).isEqualTo(20);
		assertThat(result.path("pipelineLarge").path("steps").asInt()).isEqualTo(20);
		assertThat(result.path("cancel").path("cancels").asInt()).isEqualTo(5);
	}

	private static void recreateDatabase() throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", ""); Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists nurture_peer_smoke with (force)");
			statement.execute("create database nurture_peer_smoke");
		}
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
