package dev.lectern;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The one JAX-RS application. It sits at the context root because the HTTP surface mixes {@code
 * /api/v1}, {@code /ims/oneroster}, {@code /oauth}, {@code /.well-known} and the probe aliases;
 * bearer tokens are verified by MP JWT against Lectern's own JWKS.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Lectern",
            version = "1",
            description =
                "OneRoster 1.2 rostering API, OAuth 2.0 client credentials, and the platform"
                    + " and admin API of Lectern."),
    components =
        @Components(
            securitySchemes =
                @SecurityScheme(
                    securitySchemeName = "bearer",
                    type = SecuritySchemeType.HTTP,
                    scheme = "bearer",
                    bearerFormat = "JWT")))
public class LecternApplication extends Application {}
