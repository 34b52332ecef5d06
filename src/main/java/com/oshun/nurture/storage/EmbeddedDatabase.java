package com.oshun.nurture.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.oshun.nurture.NurtureSettings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code SPRING_DATASOURCE_URL}, an embedded PostgreSQL whose data lives in
 * {@code NURTURE_DATA_DIR/postgres} and survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabase {

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(NurtureSettings settings) throws IOException {
		Path dir = settings.dataDir().resolve("postgres").toAbsolutePath();
		Files.createDirectories(dir.getParent());
		return EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			.setServerConfig("max_connections", "200")
			.start();
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedPostgres postgres) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		config.setUsername("postgres");
		config.setMaximumPoolSize(16);
		config.setPoolName("nurture");
		return new HikariDataSource(config);
	}

}
