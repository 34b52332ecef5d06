package com.oshun.nurture.admin;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.oshun.nurture.web.InvalidInput;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar nurture.jar import FILE [--charset=NAME] [--format=csv|ndjson]}: the
 * bulk import of {@code POST /api/contacts/import} from a file, into the service's own
 * database, with a progress bar on the terminal; prints the answer the API would give and
 * exits 0, or 1 when rows were rejected, or 2 when the file cannot be imported. The
 * format follows the file's extension ({@code .ndjson}, {@code .jsonl}: NDJSON; else
 * CSV).
 */
@Component
@Profile("import")
class ImportCommand implements CommandLineRunner, ExitCodeGenerator {

	static final String USAGE = "usage: java -jar nurture.jar import FILE [--charset=NAME] [--format=csv|ndjson]";

	private static final int BAR = 30;

	private final ContactImport contactImport;

	private final ObjectMapper mapper;

	private final PrintStream out;

	private final PrintStream err;

	private int exitCode;

	@Autowired
	ImportCommand(ContactImport contactImport, ObjectMapper mapper) {
		this(contactImport, mapper, System.out, System.err);
	}

	ImportCommand(ContactImport contactImport, ObjectMapper mapper, PrintStream out, PrintStream err) {
		this.contactImport = contactImport;
		this.mapper = mapper;
		this.out = out;
		this.err = err;
	}

	@Override
	public void run(String... args) throws IOException {
		String file = null;
		String charset = null;
		String format = null;
		for (String arg : args) {
			if (arg.startsWith("--charset=")) {
				charset = arg.substring("--charset=".length());
			}
			else if (arg.startsWith("--format=")) {
				format = arg.substring("--format=".length()).toLowerCase(Locale.ROOT);
			}
			else if (!arg.startsWith("--") && file == null) {
				file = arg;
			}
		}
		if (file == null) {
			err.println(USAGE);
			exitCode = 2;
			return;
		}
		exitCode = run(Path.of(file), charset, format);
	}

	/** Import the file; answers the exit code. */
	int run(Path path, String charset, String format) throws IOException {
		if (!Files.isReadable(path)) {
			err.println("cannot read " + path);
			return 2;
		}
		String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
		ContactImport.Format chosen = ("ndjson".equals(format) || "jsonl".equals(format)
				|| (format == null && (name.endsWith(".ndjson") || name.endsWith(".jsonl"))))
						? ContactImport.Format.NDJSON : ContactImport.Format.CSV;
		long size = Math.max(1, Files.size(path));
		long started = System.nanoTime();
		try (CountingStream in = new CountingStream(Files.newInputStream(path))) {
			Charset named = ContactImportCharsets.named(charset);
			ContactImport.Result result = contactImport.run(in, chosen, named,
					rows -> progress(in.count, size, rows, started));
			progress(size, size, result.rows(), started);
			err.println();
			out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(result));
			return (result.rejected() > 0) ? 1 : 0;
		}
		catch (InvalidInput ex) {
			err.println();
			err.println(ex.field() + ": " + ex.getMessage());
			return 2;
		}
	}

	private void progress(long read, long size, long rows, long started) {
		int done = (int) Math.min(BAR, read * BAR / size);
		double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
		err.printf(Locale.ROOT, "\r[%s%s] %3d%% %,d rows %,.0f rows/s", "#".repeat(done), ".".repeat(BAR - done),
				Math.min(100, read * 100 / size), rows, rows / seconds);
		err.flush();
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

	/** The bytes read so far, for the progress bar. */
	private static final class CountingStream extends FilterInputStream {

		private volatile long count;

		CountingStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count += n;
			}
			return n;
		}

	}

}
