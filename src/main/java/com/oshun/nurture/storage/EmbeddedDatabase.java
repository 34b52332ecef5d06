package com.oshun.nurture.storage;

import java.io.IOException;

import javax.sql.DataSource;

import com.oshun.nurture.NurtureSettings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;

/**
 * With no {@code SPRING_DATASOURCE_URL}, an embedded PostgreSQL whose data lives in
 * {@code NURTURE_DATA_DIR/postgres} and survives restarts, crashes included, behind the
 * password in {@code NURTURE_DATA_DIR/postgres-password}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabase {

	@Bean(destroyMethod = "close")
	EmbeddedServer embeddedPostgres(NurtureSettings settings, EmbeddedSettings embedded) throws IOException {
		return EmbeddedServer.start(settings.dataDir().resolve("postgres").toAbsolutePath(), embedded);
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedServer postgres) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(postgres.jdbcUrl());
		config.setUsername(EmbeddedPassword.USER);
		config.setPassword(postgres.password());
		config.setMaximumPoolSize(16);
		config.setPoolName("nurture");
		return new EmbeddedDataSource(new HikariDataSource(config), postgres.watch()::running);
	}

	/**
	 * The watch stops as the service starts stopping: a postmaster that a supervisor's
	 * SIGTERM ends (systemd's default kill mode signals every process) is not started
	 * again under the shutdown.
	 */
	@Bean
	ApplicationListener<ContextClosedEvent> embeddedPostgresWatchStop(EmbeddedServer postgres) {
		return event -> postgres.watch().close();
	}

	@Bean
	EmbeddedHealth embeddedPostgresHealthIndicator(EmbeddedServer postgres, EmbeddedSettings embedded) {
		return new EmbeddedHealth(postgres.dataDir(), postgres.watch(), EmbeddedHealth.diskOf(postgres.dataDir()),
				embedded.minFreeSpace());
	}

}
