package com.oshun.nurture.admin;

import com.oshun.nurture.IntegrationTest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/contacts/import} and the {@code import} command: CSV ({@code ;} or
 * {@code ,}, UTF-8 or Latin-1) and NDJSON through PUT's rules, rejected rows named by
 * line and field, idempotent on re-import.
 */
class ContactImportIntegrationTests extends IntegrationTest {

	@Autowired
	private ApplicationContext context;

	@Test
	void aLatin1CsvWithSemicolonsAndNationalBrazilianPhonesImports() {
		String csv = """
				externalId;Name;Phone;E-mail;marketing_consent;Practice notes
				p1;João Silva;(11) 98765-4321;joao@example.com;sim;likes mornings
				p2;Anna Müller;(11) 8765-4322;;não;
				""";
		JsonNode answer = http.post("/api/contacts/import", "text/csv", csv.getBytes(StandardCharsets.ISO_8859_1))
			.expect(200)
			.json();

		assertThat(answer.get("created").asLong()).isEqualTo(2);
		assertThat(answer.get("rejected").asLong()).isZero();
		assertThat(answer.get("ignoredColumns").get(0).stringValue()).isEqualTo("Practice notes");
		JsonNode joao = http.get("/api/contacts/p1").expect(200).json();
		assertThat(joao.get("name").stringValue()).isEqualTo("João Silva");
		assertThat(joao.get("phone").stringValue()).isEqualTo("+5511987654321");
		assertThat(joao.get("marketingConsent").asBoolean()).isTrue();
		JsonNode anna = http.get("/api/contacts/p2").expect(200).json();
		assertThat(anna.get("name").stringValue()).isEqualTo("Anna Müller");
		// Without the 9th digit, read as the mobile it is and stored in the 9-digit form.
		assertThat(anna.get("phone").stringValue()).isEqualTo("+5511987654322");
		assertThat(anna.get("marketingConsent").asBoolean()).isFalse();
	}

	@Test
	void aUtf8CsvWithCommasAndAnExplicitCharsetImports() {
		String csv = "externalId,name,phone\r\nq1,\"Müller, Anna\",+5511987650001\r\n";
		http.post("/api/contacts/import?charset=UTF-8", "text/csv", csv.getBytes(StandardCharsets.UTF_8)).expect(200);

		assertThat(http.get("/api/contacts/q1").expect(200).json().get("name").stringValue()).isEqualTo("Müller, Anna");
	}

	@Test
	void aBadRowIsRejectedWithItsLineAndFieldWhileTheRestImports() {
		String csv = """
				externalId,name,phone,email
				r1,Ana,+5511987650001,ana@example.com
				r2,Bea,not a phone,
				r3,Cida,+5511987650003,cida-at-example
				r4,Dora,+5511987650004,
				""";
		JsonNode answer = http.post("/api/contacts/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8))
			.expect(200)
			.json();

		assertThat(answer.get("imported").asLong()).isEqualTo(2);
		assertThat(answer.get("rejected").asLong()).isEqualTo(2);
		JsonNode first = answer.get("rejections").get(0);
		assertThat(first.get("line").asLong()).isEqualTo(3);
		assertThat(first.get("field").stringValue()).isEqualTo("phone");
		assertThat(answer.get("rejections").get(1).get("line").asLong()).isEqualTo(4);
		assertThat(answer.get("rejections").get(1).get("field").stringValue()).isEqualTo("email");
		http.get("/api/contacts/r4").expect(200);
		http.get("/api/contacts/r2").expect(404);
	}

	@Test
	void ndjsonTakesPutsFieldsAndRefusesUnknownOnes() {
		String ndjson = """
				{"externalId": "n1", "name": "Ana", "phone": "+5511987650001", "interests": ["botox"]}

				{"externalId": "n2", "name": "Bea", "shoeSize": 38}
				{"externalId": "n3", "preferredChannel": "instagram", "instagramSourceId": "ig_3"}
				not json
				""";
		JsonNode answer = http
			.post("/api/contacts/import", "application/x-ndjson", ndjson.getBytes(StandardCharsets.UTF_8))
			.expect(200)
			.json();

		assertThat(answer.get("imported").asLong()).isEqualTo(2);
		assertThat(answer.get("rejections").get(0).get("line").asLong()).isEqualTo(3);
		assertThat(answer.get("rejections").get(0).get("field").stringValue()).isEqualTo("shoeSize");
		assertThat(answer.get("rejections").get(1).get("line").asLong()).isEqualTo(5);
		assertThat(http.get("/api/contacts/n1").expect(200).json().get("interests").get(0).stringValue())
			.isEqualTo("botox");
		assertThat(http.get("/api/contacts/n3").expect(200).json().get("preferredChannel").stringValue())
			.isEqualTo("instagram");
	}

	@Test
	void reImportChangesNothingAndANewKeyJoinsTheContactWithItsPhone() {
		http.put("/api/contacts/old", "{\"name\": \"Ana\", \"phone\": \"+5511987650001\"}").expect(200);
		String csv = """
				externalId,name,phone
				clinic-7,Ana Souza,(11) 98765-0001
				clinic-8,Bea,(11) 98765-0002
				clinic-9,Bea B.,(11) 98765-0002
				""";
		byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
		JsonNode first = http.post("/api/contacts/import", "text/csv", bytes).expect(200).json();
		String updatedAt = jdbc.sql("select max(updated_at)::text from contacts").query(String.class).single();
		JsonNode again = http.post("/api/contacts/import", "text/csv", bytes).expect(200).json();

		assertThat(first.get("created").asLong()).isEqualTo(1);
		// Ana got her new name; Bea's contact, created by clinic-8, took clinic-9's (the
		// later line).
		assertThat(first.get("updated").asLong()).isEqualTo(2);
		assertThat(again.get("created").asLong()).isZero();
		assertThat(again.get("updated").asLong()).isZero();
		assertThat(again.get("unchanged").asLong()).isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from contacts").query(Long.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select max(updated_at)::text from contacts").query(String.class).single())
			.isEqualTo(updatedAt);
		assertThat(http.get("/api/contacts/clinic-7").expect(200).json().get("externalId").stringValue())
			.isEqualTo("old");
		JsonNode bea = http.get("/api/contacts/clinic-9").expect(200).json();
		assertThat(bea.get("externalId").stringValue()).isEqualTo("clinic-8");
		assertThat(bea.get("name").stringValue()).isEqualTo("Bea B.");
	}

	@Test
	void aHeaderWithoutExternalIdOrAnUnknownCharsetIsRefusedAndNothingChanges() {
		assertField(http.post("/api/contacts/import", "text/csv", "name,phone\nAna,+5511987650001\n".getBytes()),
				"externalId");
		assertField(http.post("/api/contacts/import?charset=klingon", "text/csv", "externalId\nx\n".getBytes()),
				"charset");
		assertThat(jdbc.sql("select count(*) from contacts").query(Long.class).single()).isZero();
	}

	@Test
	void theImportNeedsTheAdminTokenAndIsInOpenApi() {
		assertThat(http
			.raw(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.base() + "/api/contacts/import"))
				.header("Content-Type", "text/csv")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString("externalId\nx\n")))
			.status()).isEqualTo(401);
		assertThat(http.get("/v3/api-docs").expect(200).body()).contains("/api/contacts/import")
			.contains("application/x-ndjson");
	}

	@Test
	void theCommandImportsAFileWithAProgressBar(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("patients.csv");
		Files.writeString(file, "externalId;name;phone\nf1;João;(11) 98765-4321\nf2;Bea;nope\n",
				StandardCharsets.ISO_8859_1);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int exit = TestImportCommand.run(context, file, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(exit).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("[##############################] 100%");
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"rejected\" : 1").contains("\"line\" : 3");
		assertThat(http.get("/api/contacts/f1").expect(200).json().get("name").stringValue()).isEqualTo("João");
	}

}
