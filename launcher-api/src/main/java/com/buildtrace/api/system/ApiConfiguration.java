package com.buildtrace.api.system;

import com.buildtrace.api.schedule.SchedulerProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's settings and its OpenAPI description. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ApiProperties.class, SchedulerProperties.class})
class ApiConfiguration {

    static {
        // the caller comes from the request's credentials, never from a parameter
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI buildTraceOpenApi() {
        return new OpenAPI().info(new Info().title("BuildTrace API").version("v1").description(
                "Upload revisions of drawing sets, compare them sheet by sheet, and read what changed: regions, "
                        + "text changes, overlay images and reports. Errors are RFC 9457 problem details. Sign in "
                        + "(Google, or the development sign-in) and send the access token as a bearer token, or "
                        + "send an API key."))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT access token, or an API key bt_..."))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
