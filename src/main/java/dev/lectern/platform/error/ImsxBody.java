package dev.lectern.platform.error;

import java.util.List;
import java.util.Map;

/**
 * The OneRoster error shape ({@code imsx_StatusInfo}) used on {@code /ims/oneroster} paths, where
 * clients written against the spec expect it instead of the platform shape.
 */
public record ImsxBody(
    String imsx_codeMajor,
    String imsx_severity,
    String imsx_description,
    CodeMinor imsx_CodeMinor) {

  /** Wrapper of the code minor fields, as the spec nests them. */
  public record CodeMinor(List<CodeMinorField> imsx_codeMinorField) {}

  /** One code minor: the spec's only field name is {@code TargetEndSystem}. */
  public record CodeMinorField(String imsx_codeMinorFieldName, String imsx_codeMinorFieldValue) {}

  public static final String PATH_PREFIX = "/ims/oneroster";

  private static final Map<Integer, String> CODE_MINOR_BY_STATUS =
      Map.of(
          400, "invaliddata",
          401, "unauthorisedrequest",
          403, "forbidden",
          404, "unknownobject",
          422, "invaliddata",
          429, "server_busy",
          503, "server_busy");

  /** The code minor for a status, when the failure named none more specific. */
  public static String codeMinorFor(int status) {
    return CODE_MINOR_BY_STATUS.getOrDefault(
        status, status >= 500 ? "internal_server_error" : "invaliddata");
  }

  public static ImsxBody of(String codeMinor, String description) {
    return new ImsxBody(
        "failure",
        "error",
        description,
        new CodeMinor(List.of(new CodeMinorField("TargetEndSystem", codeMinor))));
  }
}
