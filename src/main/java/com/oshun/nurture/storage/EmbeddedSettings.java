package com.oshun.nurture.storage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code nurture.embedded}: the embedded PostgreSQL (no {@code SPRING_DATASOURCE_URL}).
 * {@code durable} runs it with fsync, synchronous commit and full page writes on (the
 * tests turn it off for speed); {@code startupWait} is how long a start may take, crash
 * recovery included; below {@code minFreeSpace} free on its disk, its health component
 * warns (PostgreSQL's WAL alone may grow by 1 GB, {@code max_wal_size}, between
 * checkpoints).
 */
@ConfigurationProperties("nurture.embedded")
record EmbeddedSettings(@DefaultValue("true") boolean durable, @DefaultValue("PT2M") Duration startupWait,
		@DefaultValue("1GB") DataSize minFreeSpace) {
}
