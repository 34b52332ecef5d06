package com.oshun.nurture.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import com.oshun.nurture.contact.ContactBulkWriter;
import com.oshun.nurture.contact.ContactBulkWriter.Counts;
import com.oshun.nurture.contact.ContactBulkWriter.Row;
import com.oshun.nurture.contact.ContactDetails;
import com.oshun.nurture.contact.Phones;
import com.oshun.nurture.triggers.ContactFields;
import com.oshun.nurture.web.InvalidInput;
import com.oshun.nurture.web.JsonFields;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Service;

/**
 * Bulk import of contacts ({@code POST /api/contacts/import},
 * {@code nurture.jar import}): CSV with a header row or NDJSON, read as a stream, each
 * row read by the same rules as {@code PUT /api/contacts/{externalId}}
 * ({@link ContactFields}: the phone through the clinic's region, e-mail, channel, zone,
 * consent) and written in batches of {@value #BATCH} through {@link ContactBulkWriter}
 * ({@code COPY} and one set of upsert statements per batch), so memory stays flat however
 * long the file. A row at fault is rejected with its line, field and reason and the rest
 * import; all rejections are counted, the first {@value #LISTED_REJECTIONS} listed.
 */
@Service
class ContactImport {

	static final int BATCH = 10_000;

	static final int LISTED_REJECTIONS = 100;

	/** A CSV column's name, lower case without separators, and the field it fills. */
	private static final Map<String, String> COLUMNS = columns("externalId", "name", "phone", "email", "timezone",
			"locale", "preferredChannel", "instagramSourceId", "procedureInterest", "interests", "marketingConsent");

	enum Format {

		CSV, NDJSON

	}

	/** One row refused: its line in the file, the field at fault and why. */
	record Rejection(long line, String field, String reason) {
	}

	/** What an import did. */
	record Result(long rows, long imported, long created, long updated, long unchanged, long rejected,
			List<String> ignoredColumns, List<Rejection> rejections) {
	}

	private final Phones phones;

	private final ContactBulkWriter writer;

	private final ObjectMapper mapper;

	ContactImport(Phones phones, ContactBulkWriter writer, ObjectMapper mapper) {
		this.phones = phones;
		this.writer = writer;
		this.mapper = mapper;
	}

	/**
	 * Import the stream. {@code charset} null reads UTF-8 with a Latin-1 fallback per
	 * byte ({@link Utf8OrLatin1Reader}); {@code progress} hears the rows read after each
	 * batch.
	 */
	Result run(InputStream in, Format format, Charset charset, Consumer<Long> progress) {
		Reader reader = (charset != null) ? new BufferedReader(new InputStreamReader(in, charset), 64 * 1024)
				: new BufferedReader(new Utf8OrLatin1Reader(in), 64 * 1024);
		Tally tally = new Tally(progress);
		try {
			if (format == Format.CSV) {
				csv(reader, tally);
			}
			else {
				ndjson((BufferedReader) reader, tally);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		tally.flush();
		return tally.result();
	}

	private void csv(Reader reader, Tally tally) throws IOException {
		BufferedReader lines = (BufferedReader) reader;
		lines.mark(64 * 1024);
		String header = lines.readLine();
		if (header == null) {
			throw new InvalidInput("body", "the CSV file is empty: it needs a header row");
		}
		lines.reset();
		char delimiter = delimiter(header);
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(delimiter)
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.setAllowMissingColumnNames(true)
			.get();
		try (CSVParser parser = CSVParser.builder().setReader(lines).setFormat(format).get()) {
			List<String> names = parser.getHeaderNames();
			String[] fields = new String[names.size()];
			for (int i = 0; i < names.size(); i++) {
				String field = COLUMNS.get(normal(names.get(i)));
				if (field != null) {
					fields[i] = field;
				}
				else if (!names.get(i).isBlank()) {
					tally.ignoredColumns.add(names.get(i));
				}
			}
			if (!Arrays.asList(fields).contains("externalId")) {
				throw new InvalidInput("externalId", "the CSV header must have an externalId column (read with '"
						+ delimiter + "' between columns)");
			}
			long line = parser.getCurrentLineNumber() + 1;
			Iterator<CSVRecord> records = parser.iterator();
			while (hasNext(records, line)) {
				CSVRecord record = records.next();
				ObjectNode node = mapper.createObjectNode();
				for (int i = 0; i < fields.length && i < record.size(); i++) {
					String value = record.get(i);
					if (fields[i] != null && !value.isEmpty()) {
						put(node, fields[i], value);
					}
				}
				tally.row(line, node);
				line = parser.getCurrentLineNumber() + 1;
			}
		}
	}

	/** The next record, or a refusal naming the line CSV cannot be read past. */
	private static boolean hasNext(Iterator<CSVRecord> records, long line) {
		try {
			return records.hasNext();
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			throw new InvalidInput("body", "the CSV cannot be read from line " + line
					+ " on (an unclosed quote?); the lines before it were imported");
		}
	}

	private void ndjson(BufferedReader reader, Tally tally) throws IOException {
		long line = 0;
		for (String text = reader.readLine(); text != null; text = reader.readLine()) {
			line++;
			if (text.isBlank()) {
				continue;
			}
			JsonNode node;
			try {
				node = mapper.readTree(text);
			}
			catch (JacksonException ex) {
				tally.reject(line, "body", "line " + line + " is not valid JSON");
				continue;
			}
			tally.row(line, node);
		}
	}

	/** A CSV cell as the JSON value {@code PUT} takes for the field. */
	private static void put(ObjectNode node, String field, String value) {
		switch (field) {
			case "interests" -> {
				var array = node.putArray(field);
				for (String interest : value.split("\\|")) {
					if (!interest.isBlank()) {
						array.add(interest.strip());
					}
				}
			}
			case "marketingConsent" -> {
				Boolean consent = switch (value.toLowerCase(Locale.ROOT)) {
					case "true", "yes", "y", "1", "sim", "s" -> true;
					case "false", "no", "n", "0", "não", "nao" -> false;
					default -> null;
				};
				if (consent != null) {
					node.put(field, consent);
				}
				else {
					node.put(field, value);
				}
			}
			default -> node.put(field, value);
		}
	}

	/** {@code ;} or {@code ,}: whichever the header row has more of. */
	static char delimiter(String header) {
		long semicolons = header.chars().filter(c -> c == ';').count();
		long commas = header.chars().filter(c -> c == ',').count();
		return (semicolons > commas) ? ';' : ',';
	}

	private static String normal(String name) {
		return name.replace("\uFEFF", "").replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
	}

	private static Map<String, String> columns(String... fields) {
		Map<String, String> columns = new LinkedHashMap<>();
		for (String field : fields) {
			columns.put(field.toLowerCase(Locale.ROOT), field);
		}
		return columns;
	}

	/** Rows read so far, the batch being filled and what the written ones did. */
	private final class Tally {

		private final Consumer<Long> progress;

		private final List<Row> batch = new ArrayList<>(BATCH);

		private final List<String> ignoredColumns = new ArrayList<>();

		private final List<Rejection> rejections = new ArrayList<>();

		private long rows;

		private long imported;

		private long created;

		private long updated;

		private long unchanged;

		private long rejected;

		Tally(Consumer<Long> progress) {
			this.progress = progress;
		}

		void row(long line, JsonNode node) {
			rows++;
			Row row;
			try {
				row = JsonFields.read(node, json -> {
					String key = ContactInput.key(json.text("externalId"));
					ContactDetails details = ContactFields.read(json, phones);
					return new Row(line, key, details);
				});
			}
			catch (InvalidInput ex) {
				rows--;
				reject(line, ex.field(), ex.getMessage());
				return;
			}
			batch.add(row);
			if (batch.size() >= BATCH) {
				flush();
			}
		}

		void reject(long line, String field, String reason) {
			rows++;
			rejected++;
			if (rejections.size() < LISTED_REJECTIONS) {
				rejections.add(new Rejection(line, field, reason));
			}
		}

		void flush() {
			Counts counts = writer.write(batch);
			imported += batch.size();
			created += counts.created();
			updated += counts.updated();
			unchanged += counts.unchanged();
			batch.clear();
			if (progress != null) {
				progress.accept(rows);
			}
		}

		Result result() {
			return new Result(rows, imported, created, updated, unchanged, rejected, List.copyOf(ignoredColumns),
					List.copyOf(rejections));
		}

	}

}
