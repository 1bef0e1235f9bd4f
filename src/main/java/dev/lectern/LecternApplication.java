package dev.lectern;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The one JAX-RS application. It sits at the context root because the HTTP surface mixes {@code
 * /api/v1}, {@code /ims/oneroster}, {@code /oauth}, {@code /.well-known} and the probe aliases;
 * bearer tokens are verified by MP JWT against Lectern's own JWKS.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
public class LecternApplication extends Application {}
