package com.oshun.nurture.enrollment;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.oshun.nurture.BookingJson;
import com.oshun.nurture.IntegrationTest;
import com.oshun.nurture.compose.MessageContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Variants (A/B) of a step end to end: a no-show sequence whose first step has two
 * variants, put through the API and taken back unchanged; contacts enrolled through the
 * booking webhook are drawn into one each, their step is composed with that variant's
 * objective and tone, the funnel shows both variants with their counts and no verdict
 * yet, and a contact that enrolls again keeps its variant. Bad variants are refused,
 * naming the field.
 */
class VariantIntegrationTests extends IntegrationTest {

	private static final int CONTACTS = 20;

	private static final String GENTLE = "gentle, brief, no pressure";

	private JsonNode original;

	@BeforeEach
	void rememberTheSequence() {
		original = http.get("/api/sequences/no_show").expect(200).json();
	}

	@AfterEach
	void putTheSequenceBack() {
		ObjectNode body = (ObjectNode) http.get("/api/sequences/no_show").expect(200).json();
		body.set("steps", original.get("steps"));
		body.put("holdoutPercent", original.get("holdoutPercent").intValue());
		http.put("/api/sequences/no_show", body.toString()).expect(200);
	}

	@Test
	void eachContactIsSentItsVariantAndTheFunnelComparesThem() {
		JsonNode saved = putVariants(0);
		JsonNode variants = saved.get("steps").get(0).get("variants");
		assertThat(variants).hasSize(2);
		assertThat(variants.get(1).get("tone").stringValue()).isEqualTo(GENTLE);
		assertThat(http.put("/api/sequences/no_show", saved.toString()).expect(200).json()).isEqualTo(saved);

		for (int i = 0; i < CONTACTS; i++) {
			http.booking(BookingJson.noShow("evt_" + i, "c_" + i)).expect(202);
		}
		Map<Long, String> drawn = variantsOfStepOne();
		assertThat(drawn).hasSize(CONTACTS);
		assertThat(drawn.values()).contains("a", "b");
		assertThat(jdbc.sql("""
				select distinct variant || ':' || objective from nurture_step_runs where step_no = 1
				""").query(String.class).list()).containsExactlyInAnyOrder("a:reschedule", "b:reassure");
		assertThat(count("select count(*) from nurture_step_runs where step_no <> 1 and variant is not null")).isZero();

		advance("PT6H");

		List<MessageContext> stepOne = compositionGate.composed()
			.stream()
			.filter(context -> context.stepNo() == 1)
			.toList();
		assertThat(stepOne).hasSize(CONTACTS);
		assertThat(stepOne).allSatisfy(context -> {
			boolean b = drawn.get(context.contactId()).equals("b");
			assertThat(context.objective()).isEqualTo(b ? "reassure" : "reschedule");
			assertThat(context.tone()).isEqualTo(b ? GENTLE : original.get("tone").stringValue());
		});
		assertThat(count("select count(*) from nurture_step_runs where step_no = 1 and status = 'sent'"))
			.isEqualTo(CONTACTS);

		JsonNode funnel = http.get("/api/reports/funnel").expect(200).json();
		assertThat(funnel.get("variantsMethod").stringValue()).contains("at least 30 per variant")
			.contains("no winner is picked automatically");
		JsonNode tested = funnel.get("sequences")
			.valueStream()
			.filter(row -> row.get("sequence").stringValue().equals("no_show"))
			.findFirst()
			.orElseThrow()
			.get("steps")
			.valueStream()
			.filter(step -> step.get("stepNo").intValue() == 1)
			.findFirst()
			.orElseThrow();
		assertThat(tested.get("objective").stringValue()).isEqualTo("a: reschedule, b: reassure");
		JsonNode a = tested.get("variants").get(0);
		JsonNode b = tested.get("variants").get(1);
		long inA = drawn.values().stream().filter("a"::equals).count();
		assertThat(a.get("variant").stringValue()).isEqualTo("a");
		assertThat(a.get("objective").stringValue()).isEqualTo("reschedule");
		assertThat(a.get("enrolled").longValue()).isEqualTo(inA);
		assertThat(a.get("messaged").longValue()).isEqualTo(inA);
		assertThat(a.get("replied").longValue()).isZero();
		assertThat(a.get("bookedInterval").get("lower").doubleValue()).isZero();
		assertThat(a.has("againstFirst")).isFalse();
		assertThat(b.get("variant").stringValue()).isEqualTo("b");
		assertThat(b.get("objective").stringValue()).isEqualTo("reassure");
		assertThat(b.get("enrolled").longValue()).isEqualTo(CONTACTS - inA);
		assertThat(b.get("messaged").longValue()).isEqualTo(CONTACTS - inA);
		assertThat(b.get("againstFirst").get("variant").stringValue()).isEqualTo("a");
		assertThat(b.get("againstFirst").get("booked").get("verdict").stringValue()).isEqualTo("not enough data");
		assertThat(b.get("againstFirst").get("replied").get("verdict").stringValue()).isEqualTo("not enough data");
	}

	@Test
	void aContactKeepsItsVariantWhenItEnrollsAgainAndAControlGetsNone() {
		putVariants(0);
		for (int i = 0; i < CONTACTS; i++) {
			http.booking(BookingJson.noShow("evt_" + i, "c_" + i)).expect(202);
		}
		Map<Long, String> first = variantsOfStepOne();
		advance("P8D");
		assertThat(
				count("select count(*) from nurture_enrollments where sequence_key = 'no_show' and status = 'active'"))
			.isZero();
		// a third variant makes a new version, where a fresh draw would differ; the draw
		// is
		// kept
		ObjectNode body = (ObjectNode) http.get("/api/sequences/no_show").expect(200).json();
		((ArrayNode) body.get("steps").get(0).get("variants")).addObject().put("name", "c").put("objective", "nudge");
		http.put("/api/sequences/no_show", body.toString()).expect(200);

		for (int i = 0; i < CONTACTS; i++) {
			http.booking(BookingJson.noShow("evt_again_" + i, "c_" + i)).expect(202);
		}

		Map<Long, String> again = jdbc.sql("""
				select s.contact_id, s.variant from nurture_step_runs s
				join nurture_enrollments e on e.id = s.enrollment_id
				where s.step_no = 1 and e.status = 'active' and e.sequence_key = 'no_show'
				""")
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(again).isEqualTo(first);
		long freshDrawsDiffer = first.keySet()
			.stream()
			.filter(id -> !first.get(id)
				.equals(List.of("a", "b", "c")
					.get(Holdouts.drawVariant("nurture-holdout", "no_show", 1, externalId(id), 3))))
			.count();
		assertThat(freshDrawsDiffer).isPositive();
	}

	@Test
	void aHeldOutContactIsDrawnIntoNoVariant() {
		putVariants(50);
		for (int i = 0; i < CONTACTS; i++) {
			http.booking(BookingJson.noShow("evt_" + i, "c_" + i)).expect(202);
		}

		assertThat(count("""
				select count(*) from nurture_step_runs s join nurture_enrollments e on e.id = s.enrollment_id
				where e.arm = 'control' and s.variant is not null
				""")).isZero();
		assertThat(count("""
				select count(*) from nurture_step_runs s join nurture_enrollments e on e.id = s.enrollment_id
				where e.arm = 'treatment' and s.step_no = 1 and s.variant is null
				""")).isZero();
	}

	@Test
	void badVariantsAreRefusedNamingTheFieldAndChangeNothing() {
		int version = original.get("version").intValue();
		assertField(putStepOne("""
				[{"objective":"reschedule"},{"objective":"reassure"},{"objective":"nudge"},{"objective":"availability"}]
				"""), "steps[0].variants[3]");
		assertField(putStepOne("""
				[{"objective":"reschedule"},{"objective":"we_miss_you"}]
				"""), "steps[0].variants[1].objective");
		assertField(putStepOne("""
				[{"name":"a","objective":"reschedule"},{"name":"c","objective":"reassure"}]
				"""), "steps[0].variants[1].name");
		assertField(putStepOne("""
				[{"objective":"reschedule"}]
				"""), "steps[0].variants");
		assertField(putStepOne("""
				[{"objective":"reschedule"},{"objective":"reassure","colour":"red"}]
				"""), "steps[0].variants[1].colour");
		assertField(putStepOne("""
				[{"objective":"reschedule"},{}]
				"""), "steps[0].variants[1].objective");
		assertField(putStepOne("""
				"reassure"
				"""), "steps[0].variants");

		assertThat(http.get("/api/sequences/no_show").json().get("version").intValue()).isEqualTo(version);
	}

	private JsonNode putVariants(int holdoutPercent) {
		ObjectNode body = (ObjectNode) original.deepCopy();
		body.put("holdoutPercent", holdoutPercent);
		ArrayNode variants = ((ObjectNode) body.get("steps").get(0)).putArray("variants");
		variants.addObject().put("name", "a").put("objective", "reschedule");
		variants.addObject().put("name", "b").put("objective", "reassure").put("tone", GENTLE);
		return http.put("/api/sequences/no_show", body.toString()).expect(200).json();
	}

	private com.oshun.nurture.TestHttp.Response putStepOne(String variants) {
		ObjectNode body = (ObjectNode) original.deepCopy();
		((ObjectNode) body.get("steps").get(0)).set("variants",
				tools.jackson.databind.json.JsonMapper.shared().readTree(variants));
		return http.put("/api/sequences/no_show", body.toString());
	}

	private String externalId(long contactId) {
		return jdbc.sql("select external_id from contacts where id = :id")
			.param("id", contactId)
			.query(String.class)
			.single();
	}

	private Map<Long, String> variantsOfStepOne() {
		return jdbc.sql("select contact_id, variant from nurture_step_runs where step_no = 1")
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
