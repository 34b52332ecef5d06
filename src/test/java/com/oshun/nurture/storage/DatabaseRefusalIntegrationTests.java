package com.oshun.nurture.storage;

import com.oshun.nurture.BookingJson;
import com.oshun.nurture.IntegrationTest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that refuses writes (what PostgreSQL answers on a full disk: SQLSTATE 53100,
 * raised here by a trigger instead of a full file system): a webhook it could not store
 * is answered 503 with {@code Retry-After}, never 202, so the sender tries again; the
 * retry once the disk has room is accepted; and the log gets one line, not a stack trace
 * per request (which on a full disk fills the log's disk too).
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseRefusalIntegrationTests extends IntegrationTest {

	private final HttpClient client = HttpClient.newHttpClient();

	@AfterEach
	void roomAgain() {
		jdbc.sql("drop trigger if exists disk_full on webhook_events").update();
		jdbc.sql("drop function if exists disk_full()").update();
	}

	@Test
	void aWebhookTheDatabaseCannotStoreIs503UntilThereIsRoomAgain(CapturedOutput output) throws Exception {
		diskFull();
		String event = BookingJson.noShow("evt_full_1", "c_full_1");

		HttpResponse<String> refused = booking(event);
		for (int i = 2; i <= 20; i++) {
			assertThat(booking(BookingJson.noShow("evt_full_" + i, "c_full_" + i)).statusCode()).isEqualTo(503);
		}

		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).contains("30");
		assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(refused.body()).contains("nothing was stored");
		assertNothingStored();
		JsonNode booking = http.get("/actuator/health/webhooks").expect(200).json().get("details").get("booking");
		assertThat(booking.get("refusedByStatus").get("503").intValue()).isEqualTo(20);
		String logs = output.getAll();
		assertThat(logs.lines().filter(line -> line.contains("The database cannot serve requests")).count())
			.isLessThanOrEqualTo(1);
		assertThat(logs).doesNotContain("Unexpected error").doesNotContain("\tat org.postgresql");

		roomAgain();
		HttpResponse<String> retried = booking(event);

		assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
		assertThat(count("select count(*) from webhook_events where event_id = 'evt_full_1'")).isOne();
		assertThat(count("select count(*) from nurture_enrollments")).isOne();
	}

	/** Every insert into the dedupe table fails as PostgreSQL fails it on a full disk. */
	private void diskFull() {
		jdbc.sql("""
				create function disk_full() returns trigger language plpgsql as $$
				begin
				  raise exception using errcode = 'disk_full',
				    message = 'could not extend file "base/5/16444": No space left on device',
				    hint = 'Check free disk space.';
				end $$""").update();
		jdbc.sql("create trigger disk_full before insert on webhook_events for each row execute function disk_full()")
			.update();
	}

	private HttpResponse<String> booking(String json) throws IOException, InterruptedException {
		byte[] raw = json.getBytes(StandardCharsets.UTF_8);
		long timestamp = Instant.now().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + "/webhooks/booking"))
			.header("Content-Type", "application/json")
			.header("X-Nurture-Timestamp", Long.toString(timestamp))
			.header("X-Nurture-Signature", "sha256=" + http.sign(timestamp + ".", raw))
			.POST(HttpRequest.BodyPublishers.ofByteArray(raw))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
