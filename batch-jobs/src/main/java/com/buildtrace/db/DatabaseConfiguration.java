package com.buildtrace.db;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The data source over the configured or embedded PostgreSQL. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(DatabaseProperties properties) {
        return DatabaseServer.obtain(properties);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseServer server) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(server.jdbcUrl());
        ds.setUsername(server.user());
        ds.setPassword(server.password());
        ds.setMaximumPoolSize(8);
        ds.setPoolName("buildtrace");
        return ds;
    }
}
