package com.oshun.nurture.admin;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

import com.oshun.nurture.web.InvalidInput;

/** The charset an import names, or none (UTF-8 with a Latin-1 fallback). */
final class ContactImportCharsets {

	private ContactImportCharsets() {
	}

	/** The charset so named; null for none. */
	static Charset named(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			return Charset.forName(name.strip());
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			throw new InvalidInput("charset", "charset " + name + " is not a known charset (UTF-8, ISO-8859-1, ...)");
		}
	}

}
