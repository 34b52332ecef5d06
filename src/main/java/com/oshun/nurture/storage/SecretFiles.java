package com.oshun.nurture.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files only their owner may read, written whole: created owner-only from the first byte
 * (never readable by others for an instant), flushed to disk, then moved over the old
 * one, so a crash leaves the old content or the new, never half of it.
 */
final class SecretFiles {

	private SecretFiles() {
	}

	static void write(Path file, String content) throws IOException {
		Path temp = file.resolveSibling(file.getFileName() + ".new");
		Files.deleteIfExists(temp);
		try (FileChannel channel = create(temp)) {
			ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
			while (bytes.hasRemaining()) {
				channel.write(bytes);
			}
			channel.force(true);
		}
		Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static FileChannel create(Path file) throws IOException {
		try {
			FileAttribute<?> ownerOnly = PosixFilePermissions
				.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
			return FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
					ownerOnly);
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system; the file keeps its default permissions
			return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		}
		catch (FileAlreadyExistsException ex) {
			throw new IOException(file + " appeared while being written: is another Nurture using this directory?", ex);
		}
	}

}
