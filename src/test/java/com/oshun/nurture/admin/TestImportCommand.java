package com.oshun.nurture.admin;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

import tools.jackson.databind.ObjectMapper;

import org.springframework.context.ApplicationContext;

/** The {@code import} command on a running test context, its output captured. */
public final class TestImportCommand {

	private TestImportCommand() {
	}

	public static int run(ApplicationContext context, Path file, PrintStream out, PrintStream err) throws IOException {
		return new ImportCommand(context.getBean(ContactImport.class), context.getBean(ObjectMapper.class), out, err)
			.run(file, null, null);
	}

}
