package com.oshun.nurture.admin;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Text in UTF-8 where its bytes are UTF-8, else Latin-1 byte by byte: a well-formed UTF-8
 * sequence is read as UTF-8, and any byte that does not start or complete one (a Latin-1
 * {@code ü} is the lone byte {@code 0xFC}) is read as the Latin-1 character it is. So a
 * file exported in either (or, as happens, a mix of both) reads right, streamed, without
 * looking ahead more than one character. Latin-1 text only reads wrongly where it happens
 * to spell a valid UTF-8 sequence ({@code Ã©}), which real names do not.
 */
final class Utf8OrLatin1Reader extends Reader {

	private final InputStream in;

	/** A low surrogate still to hand out after its high one. */
	private int pendingLow = -1;

	Utf8OrLatin1Reader(InputStream in) {
		this.in = new BufferedInputStream(in, 64 * 1024);
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		int count = 0;
		while (count < length) {
			int c = next();
			if (c < 0) {
				break;
			}
			buffer[offset + count++] = (char) c;
			if (count > 0 && in.available() == 0 && pendingLow < 0) {
				break;
			}
		}
		return (count == 0 && length > 0) ? -1 : count;
	}

	private int next() throws IOException {
		if (pendingLow >= 0) {
			int low = pendingLow;
			pendingLow = -1;
			return low;
		}
		int b = in.read();
		if (b < 0x80) {
			return b;
		}
		int extra = (b >= 0xC2 && b <= 0xDF) ? 1 : (b >= 0xE0 && b <= 0xEF) ? 2 : (b >= 0xF0 && b <= 0xF4) ? 3 : 0;
		if (extra == 0) {
			return b;
		}
		in.mark(extra);
		int code = b & (0x3F >> extra);
		for (int i = 0; i < extra; i++) {
			int next = in.read();
			if (next < 0 || (next & 0xC0) != 0x80) {
				in.reset();
				return b;
			}
			code = (code << 6) | (next & 0x3F);
		}
		boolean overlong = (extra == 2 && code < 0x800) || (extra == 3 && (code < 0x10000 || code > 0x10FFFF));
		if (overlong || (code >= 0xD800 && code <= 0xDFFF)) {
			in.reset();
			return b;
		}
		if (code >= 0x10000) {
			pendingLow = Character.lowSurrogate(code);
			return Character.highSurrogate(code);
		}
		return code;
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

}
